#include "StoreDialect.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace foxreload::storedialect {

namespace {

// ---- error codes ----

int sqlitePrimaryCode(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff; // extended codes keep it in the low byte
    return ok ? code : -1;
}

ErrorKind classifySqlite(const QSqlError& error)
{
    constexpr int kBusy = 5, kLocked = 6, kTooBig = 18, kConstraint = 19, kMismatch = 20, kRange = 25;
    switch (sqlitePrimaryCode(error)) {
    case kBusy:
    case kLocked:
        return ErrorKind::Busy;
    case kConstraint:
    case kMismatch:
    case kRange:
    case kTooBig:
        return ErrorKind::Permanent;
    default:
        return ErrorKind::Transient;
    }
}

// QPSQL puts the SQLSTATE in nativeErrorCode(); a failure without one (no result came
// back) is a connection that broke.
ErrorKind classifyPostgres(const QSqlError& error)
{
    const QString state = error.nativeErrorCode();
    if (state.size() != 5)
        return error.type() == QSqlError::NoError ? ErrorKind::Transient : ErrorKind::Lost;
    const QStringView errorClass = QStringView(state).left(2);
    // 55P03 lock_not_available (lock_timeout), 40001 serialization_failure, 40P01 deadlock_detected.
    if (state == u"55P03"_s || errorClass == u"40")
        return ErrorKind::Busy;
    // 22 data exception, 23 integrity constraint violation.
    if (errorClass == u"22" || errorClass == u"23")
        return ErrorKind::Permanent;
    // 08 connection exception, 57P01..03 the server shut down or is starting.
    if (errorClass == u"08" || state.startsWith(u"57P"_s))
        return ErrorKind::Lost;
    return ErrorKind::Transient;
}

// ---- a small SQL scanner: identifiers, parentheses and string literals ----

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// Index after the string literal starting at `start` ('' is a quote inside it).
qsizetype skipLiteral(const QString& sql, qsizetype start)
{
    qsizetype i = start + 1;
    while (i < sql.size()) {
        if (sql.at(i) == u'\'') {
            if (i + 1 < sql.size() && sql.at(i + 1) == u'\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return i;
}

// Index of the ')' closing the '(' at `open`, or -1.
qsizetype matchingParen(const QString& sql, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < sql.size();) {
        const QChar c = sql.at(i);
        if (c == u'\'') {
            i = skipLiteral(sql, i);
            continue;
        }
        if (c == u'(')
            ++depth;
        else if (c == u')' && --depth == 0)
            return i;
        ++i;
    }
    return -1;
}

// Walks `sql` outside string literals and parentheses: visit(index, end, isWord) for each word
// (end: the index after it) and each other character (end = index + 1) at the top level, until
// visit returns false. Returns where it stopped, or -1 at the end of `sql`.
template<typename Visit>
qsizetype forEachTopLevel(const QString& sql, Visit visit)
{
    int depth = 0;
    for (qsizetype i = 0; i < sql.size();) {
        const QChar c = sql.at(i);
        if (c == u'\'') {
            i = skipLiteral(sql, i);
            continue;
        }
        qsizetype end = i + 1;
        const bool isWord = isIdentifierStart(c) && (i == 0 || !isIdentifierChar(sql.at(i - 1)));
        if (isWord) {
            while (end < sql.size() && isIdentifierChar(sql.at(end)))
                ++end;
        }
        if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        else if (depth == 0 && !visit(i, end, isWord))
            return i;
        i = end;
    }
    return -1;
}

// `sql` split at the commas outside parentheses and literals.
QStringList splitTopLevel(const QString& sql)
{
    QStringList parts;
    qsizetype from = 0;
    forEachTopLevel(sql, [&](qsizetype i, qsizetype, bool) {
        if (sql.at(i) == u',') {
            parts.append(sql.mid(from, i - from).trimmed());
            from = i + 1;
        }
        return true;
    });
    parts.append(sql.mid(from).trimmed());
    return parts;
}

// Where `word` (upper case) stands outside parentheses and literals, or -1.
qsizetype topLevelWord(const QString& sql, const QString& word)
{
    return forEachTopLevel(sql, [&](qsizetype i, qsizetype end, bool isWord) {
        return !isWord || sql.mid(i, end - i).toUpper() != word;
    });
}

// Whether a comparison operator or a condition word stands outside parentheses and literals.
bool isTopLevelCondition(const QString& sql)
{
    static const QSet<QString> kConditionWords { u"IN"_s, u"IS"_s, u"LIKE"_s, u"BETWEEN"_s, u"AND"_s, u"OR"_s,
        u"NOT"_s, u"GLOB"_s };
    bool condition = false;
    forEachTopLevel(sql, [&](qsizetype i, qsizetype end, bool isWord) {
        if (!isWord) {
            const QChar c = sql.at(i);
            condition = c == u'=' || c == u'<' || c == u'>' || c == u'!';
            return !condition;
        }
        const QString word = sql.mid(i, end - i).toUpper();
        if (word == u"CASE"_s && i == 0)
            return false; // a CASE expression: its conditions are its own
        condition = kConditionWords.contains(word);
        return !condition;
    });
    return condition;
}

// SQLite's functions and truth values in PostgreSQL's words, in every nested expression:
// IFNULL → COALESCE, MAX(a, b)/MIN(a, b) → GREATEST/LEAST, SUM(a condition) → SUM(CASE …).
QString rewriteCalls(const QString& sql)
{
    QString out;
    out.reserve(sql.size() + 32);
    qsizetype i = 0;
    while (i < sql.size()) {
        const QChar c = sql.at(i);
        if (c == u'\'') {
            const qsizetype end = skipLiteral(sql, i);
            out += sql.mid(i, end - i);
            i = end;
            continue;
        }
        if (!isIdentifierStart(c) || (i > 0 && (isIdentifierChar(sql.at(i - 1)) || sql.at(i - 1) == u'.'))) {
            out += c;
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < sql.size() && isIdentifierChar(sql.at(end)))
            ++end;
        qsizetype open = end;
        while (open < sql.size() && sql.at(open) == u' ')
            ++open;
        const qsizetype close = open < sql.size() && sql.at(open) == u'(' ? matchingParen(sql, open) : -1;
        if (close < 0) {
            out += sql.mid(i, end - i);
            i = end;
            continue;
        }
        const QString name = sql.mid(i, end - i);
        const QString upper = name.toUpper();
        const QString inner = sql.mid(open + 1, close - open - 1);
        const bool special
            = upper == u"IFNULL"_s || upper == u"MAX"_s || upper == u"MIN"_s || upper == u"SUM"_s;
        if (!special) {
            out += sql.mid(i, open - i) + u'(' + rewriteCalls(inner) + u')';
            i = close + 1;
            continue;
        }
        QStringList arguments = splitTopLevel(inner);
        for (QString& argument : arguments)
            argument = rewriteCalls(argument);
        if (upper == u"IFNULL"_s)
            out += u"COALESCE("_s + arguments.join(u", "_s) + u')';
        else if ((upper == u"MAX"_s || upper == u"MIN"_s) && arguments.size() > 1)
            out += (upper == u"MAX"_s ? u"GREATEST("_s : u"LEAST("_s) + arguments.join(u", "_s) + u')';
        else if (upper == u"SUM"_s && arguments.size() == 1 && isTopLevelCondition(arguments.first()))
            out += name + u"(CASE WHEN "_s + arguments.first() + u" THEN 1 ELSE 0 END)"_s;
        else
            out += sql.mid(i, open - i) + u'(' + rewriteCalls(inner) + u')';
        i = close + 1;
    }
    return out;
}

// In "ON CONFLICT … DO UPDATE SET col = expr", PostgreSQL finds a bare `col` in `expr` in
// both the table and `excluded`: the table's is meant, as in SQLite.
QString qualifyColumns(const QString& expression, const QString& table)
{
    static const QSet<QString> kWords { u"AND"_s, u"OR"_s, u"NOT"_s, u"NULL"_s, u"IS"_s, u"IN"_s, u"LIKE"_s,
        u"BETWEEN"_s, u"CASE"_s, u"WHEN"_s, u"THEN"_s, u"ELSE"_s, u"END"_s, u"TRUE"_s, u"FALSE"_s, u"AS"_s,
        u"DISTINCT"_s, u"WHERE"_s, u"SELECT"_s, u"FROM"_s, u"EXCLUDED"_s, u"BIGINT"_s, u"INTEGER"_s,
        u"TEXT"_s, u"DOUBLE"_s, u"PRECISION"_s };
    QString out;
    qsizetype i = 0;
    while (i < expression.size()) {
        const QChar c = expression.at(i);
        if (c == u'\'') {
            const qsizetype end = skipLiteral(expression, i);
            out += expression.mid(i, end - i);
            i = end;
            continue;
        }
        if (!isIdentifierStart(c)
            || (i > 0 && (isIdentifierChar(expression.at(i - 1)) || expression.at(i - 1) == u'.'))) {
            out += c;
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < expression.size() && isIdentifierChar(expression.at(end)))
            ++end;
        qsizetype next = end;
        while (next < expression.size() && expression.at(next) == u' ')
            ++next;
        const QString word = expression.mid(i, end - i);
        const bool call
            = next < expression.size() && (expression.at(next) == u'(' || expression.at(next) == u'.');
        if (!call && !kWords.contains(word.toUpper()))
            out += table + u'.';
        out += word;
        i = end;
    }
    return out;
}

QString qualifyUpsert(const QString& sql)
{
    static const QRegularExpression doUpdate(
        u"\\bDO\\s+UPDATE\\s+SET\\b"_s, QRegularExpression::CaseInsensitiveOption);
    const QString table = insertTable(sql);
    const QRegularExpressionMatch match = doUpdate.match(sql);
    if (table.isEmpty() || !match.hasMatch())
        return sql;
    QString tail = sql.mid(match.capturedEnd());
    QString where;
    if (const qsizetype at = topLevelWord(tail, u"WHERE"_s); at >= 0) {
        where = tail.mid(at);
        tail = tail.left(at);
    }
    QStringList assignments = splitTopLevel(tail);
    for (QString& assignment : assignments) {
        const qsizetype equals = assignment.indexOf(u'=');
        if (equals > 0)
            assignment = assignment.left(equals + 1) + u' '
                + qualifyColumns(assignment.mid(equals + 1).trimmed(), table);
    }
    return sql.left(match.capturedEnd()) + u' ' + assignments.join(u", "_s)
        + (where.isEmpty() ? QString() : u' ' + qualifyColumns(where.trimmed(), table));
}

QString translateDdlTypes(const QString& sql)
{
    static const QRegularExpression autoIncrement(
        u"\\bINTEGER\\s+PRIMARY\\s+KEY\\s+AUTOINCREMENT\\b"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression integer(u"\\bINTEGER\\b"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression real(u"\\bREAL\\b"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression blob(u"\\bBLOB\\b"_s, QRegularExpression::CaseInsensitiveOption);
    QString out = sql;
    out.replace(autoIncrement, u"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_s);
    // SQLite's INTEGER holds 64 bits (times in milliseconds, random session ids).
    out.replace(integer, u"BIGINT"_s);
    out.replace(real, u"DOUBLE PRECISION"_s);
    out.replace(blob, u"BYTEA"_s);
    return out;
}

QStringList translatePostgres(const QString& statement)
{
    const QString sql = statement.trimmed();
    static const QRegularExpression createTrigger(
        u"^CREATE\\s+TRIGGER\\s+(\\w+)\\s+(BEFORE|AFTER)\\s+(INSERT|DELETE|UPDATE(?:\\s+OF\\s+[\\w, ]+?)?)"
        u"\\s+ON\\s+(\\w+)\\s+(?:FOR\\s+EACH\\s+ROW\\s+)?BEGIN\\s+(.*?)\\s*END$"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    if (const QRegularExpressionMatch m = createTrigger.match(sql); m.hasMatch()) {
        const QString function = m.captured(1) + u"_fn"_s;
        const bool before = m.captured(2).compare(u"BEFORE"_s, Qt::CaseInsensitive) == 0;
        const bool deletes = m.captured(3).startsWith(u"DELETE"_s, Qt::CaseInsensitive);
        // An AFTER trigger's result is ignored; a BEFORE trigger's row goes on.
        const QString result = !before ? u"NULL"_s : deletes ? u"OLD"_s : u"NEW"_s;
        return { u"CREATE OR REPLACE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $fox$ BEGIN %2"
                 u" RETURN %3; END $fox$"_s.arg(function, rewriteCalls(m.captured(5)), result),
            u"CREATE TRIGGER %1 %2 %3 ON %4 FOR EACH ROW EXECUTE FUNCTION %5()"_s.arg(
                m.captured(1), m.captured(2), m.captured(3), m.captured(4), function) };
    }
    static const QRegularExpression dropTrigger(
        u"^DROP\\s+TRIGGER\\s+(IF\\s+EXISTS\\s+)?(\\w+)$"_s, QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = dropTrigger.match(sql); m.hasMatch())
        return { u"DROP FUNCTION %1%2_fn() CASCADE"_s.arg(m.captured(1), m.captured(2)) };

    static const QRegularExpression ddl(
        u"^(CREATE\\s+TABLE|ALTER\\s+TABLE\\s+\\w+\\s+ADD)\\b"_s, QRegularExpression::CaseInsensitiveOption);
    if (ddl.match(sql).hasMatch())
        return { translateDdlTypes(sql) };

    QString out = rewriteCalls(sql);
    static const QRegularExpression insertOr(
        u"^INSERT\\s+OR\\s+(IGNORE|REPLACE)\\s+INTO\\s+(\\w+)\\s*\\(([^)]*)\\)"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = insertOr.match(out); m.hasMatch()) {
        const QString head = u"INSERT INTO %1(%2)"_s.arg(m.captured(2), m.captured(3));
        const QString rest = out.mid(m.capturedEnd());
        if (m.captured(1).compare(u"IGNORE"_s, Qt::CaseInsensitive) == 0)
            return { head + rest + u" ON CONFLICT DO NOTHING"_s };
        QStringList updates;
        for (const QString& column : splitTopLevel(m.captured(3)))
            updates.append(u"%1 = excluded.%1"_s.arg(column));
        return { head + rest
            + u" ON CONFLICT ON CONSTRAINT %1_pkey DO UPDATE SET %2"_s.arg(
                m.captured(2), updates.join(u", "_s)) };
    }
    return { qualifyUpsert(out) };
}

} // namespace

ErrorKind classify(Backend backend, const QSqlError& error)
{
    return backend == Backend::Postgres ? classifyPostgres(error) : classifySqlite(error);
}

QStringList translate(Backend backend, const QString& sql)
{
    if (backend == Backend::Sqlite)
        return { sql };
    return translatePostgres(sql);
}

QString insertTable(const QString& sql)
{
    static const QRegularExpression insert(
        u"^\\s*INSERT\\s+(?:OR\\s+\\w+\\s+)?INTO\\s+(\\w+)"_s, QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = insert.match(sql);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace foxreload::storedialect
