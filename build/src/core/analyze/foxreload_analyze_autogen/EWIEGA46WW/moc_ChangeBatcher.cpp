/****************************************************************************
** Meta object code from reading C++ file 'ChangeBatcher.h'
**
** Created by: The Qt Meta Object Compiler version 68 (Qt 6.4.2)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "../../../../../../src/core/analyze/ChangeBatcher.h"
#include <QtCore/qmetatype.h>
#if !defined(Q_MOC_OUTPUT_REVISION)
#error "The header file 'ChangeBatcher.h' doesn't include <QObject>."
#elif Q_MOC_OUTPUT_REVISION != 68
#error "This file was generated using the moc from 6.4.2. It"
#error "cannot be used with the include files from this version of Qt."
#error "(The moc has changed too much.)"
#endif

#ifndef Q_CONSTINIT
#define Q_CONSTINIT
#endif

QT_BEGIN_MOC_NAMESPACE
QT_WARNING_PUSH
QT_WARNING_DISABLE_DEPRECATED
namespace {
struct qt_meta_stringdata_foxreload__ChangeBatcher_t {
    uint offsetsAndSizes[20];
    char stringdata0[25];
    char stringdata1[11];
    char stringdata2[1];
    char stringdata3[23];
    char stringdata4[6];
    char stringdata5[13];
    char stringdata6[9];
    char stringdata7[21];
    char stringdata8[6];
    char stringdata9[6];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_foxreload__ChangeBatcher_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_foxreload__ChangeBatcher_t qt_meta_stringdata_foxreload__ChangeBatcher = {
    {
        QT_MOC_LITERAL(0, 24),  // "foxreload::ChangeBatcher"
        QT_MOC_LITERAL(25, 10),  // "batchReady"
        QT_MOC_LITERAL(36, 0),  // ""
        QT_MOC_LITERAL(37, 22),  // "foxreload::ChangeBatch"
        QT_MOC_LITERAL(60, 5),  // "batch"
        QT_MOC_LITERAL(66, 12),  // "batchSkipped"
        QT_MOC_LITERAL(79, 8),  // "addEvent"
        QT_MOC_LITERAL(88, 20),  // "foxreload::FileEvent"
        QT_MOC_LITERAL(109, 5),  // "event"
        QT_MOC_LITERAL(115, 5)   // "flush"
    },
    "foxreload::ChangeBatcher",
    "batchReady",
    "",
    "foxreload::ChangeBatch",
    "batch",
    "batchSkipped",
    "addEvent",
    "foxreload::FileEvent",
    "event",
    "flush"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_foxreload__ChangeBatcher[] = {

 // content:
      10,       // revision
       0,       // classname
       0,    0, // classinfo
       4,   14, // methods
       0,    0, // properties
       0,    0, // enums/sets
       0,    0, // constructors
       0,       // flags
       2,       // signalCount

 // signals: name, argc, parameters, tag, flags, initial metatype offsets
       1,    1,   38,    2, 0x06,    1 /* Public */,
       5,    1,   41,    2, 0x06,    3 /* Public */,

 // slots: name, argc, parameters, tag, flags, initial metatype offsets
       6,    1,   44,    2, 0x0a,    5 /* Public */,
       9,    0,   47,    2, 0x0a,    7 /* Public */,

 // signals: parameters
    QMetaType::Void, 0x80000000 | 3,    4,
    QMetaType::Void, 0x80000000 | 3,    4,

 // slots: parameters
    QMetaType::Void, 0x80000000 | 7,    8,
    QMetaType::Void,

       0        // eod
};

Q_CONSTINIT const QMetaObject foxreload::ChangeBatcher::staticMetaObject = { {
    QMetaObject::SuperData::link<QObject::staticMetaObject>(),
    qt_meta_stringdata_foxreload__ChangeBatcher.offsetsAndSizes,
    qt_meta_data_foxreload__ChangeBatcher,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_foxreload__ChangeBatcher_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<ChangeBatcher, std::true_type>,
        // method 'batchReady'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const foxreload::ChangeBatch &, std::false_type>,
        // method 'batchSkipped'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const foxreload::ChangeBatch &, std::false_type>,
        // method 'addEvent'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const foxreload::FileEvent &, std::false_type>,
        // method 'flush'
        QtPrivate::TypeAndForceComplete<void, std::false_type>
    >,
    nullptr
} };

void foxreload::ChangeBatcher::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    if (_c == QMetaObject::InvokeMetaMethod) {
        auto *_t = static_cast<ChangeBatcher *>(_o);
        (void)_t;
        switch (_id) {
        case 0: _t->batchReady((*reinterpret_cast< std::add_pointer_t<foxreload::ChangeBatch>>(_a[1]))); break;
        case 1: _t->batchSkipped((*reinterpret_cast< std::add_pointer_t<foxreload::ChangeBatch>>(_a[1]))); break;
        case 2: _t->addEvent((*reinterpret_cast< std::add_pointer_t<foxreload::FileEvent>>(_a[1]))); break;
        case 3: _t->flush(); break;
        default: ;
        }
    } else if (_c == QMetaObject::IndexOfMethod) {
        int *result = reinterpret_cast<int *>(_a[0]);
        {
            using _t = void (ChangeBatcher::*)(const foxreload::ChangeBatch & );
            if (_t _q_method = &ChangeBatcher::batchReady; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 0;
                return;
            }
        }
        {
            using _t = void (ChangeBatcher::*)(const foxreload::ChangeBatch & );
            if (_t _q_method = &ChangeBatcher::batchSkipped; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 1;
                return;
            }
        }
    }
}

const QMetaObject *foxreload::ChangeBatcher::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *foxreload::ChangeBatcher::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_foxreload__ChangeBatcher.stringdata0))
        return static_cast<void*>(this);
    return QObject::qt_metacast(_clname);
}

int foxreload::ChangeBatcher::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
{
    _id = QObject::qt_metacall(_c, _id, _a);
    if (_id < 0)
        return _id;
    if (_c == QMetaObject::InvokeMetaMethod) {
        if (_id < 4)
            qt_static_metacall(this, _c, _id, _a);
        _id -= 4;
    } else if (_c == QMetaObject::RegisterMethodArgumentMetaType) {
        if (_id < 4)
            *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType();
        _id -= 4;
    }
    return _id;
}

// SIGNAL 0
void foxreload::ChangeBatcher::batchReady(const foxreload::ChangeBatch & _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 0, _a);
}

// SIGNAL 1
void foxreload::ChangeBatcher::batchSkipped(const foxreload::ChangeBatch & _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 1, _a);
}
QT_WARNING_POP
QT_END_MOC_NAMESPACE
