// The .deb, built by cpack from this build directory: its control file names the libraries it
// needs (and Qt's SQLite driver), it holds every file the desktop and the shell look for, and the
// desktop entry and AppStream metainfo it installs pass the validators distributions run.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& arguments, int timeoutMs = 60000)
{
    QProcess process;
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = u"timed out"_s;
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// A validator CI must run: missing there, the test fails; on a developer machine it skips.
#define REQUIRE_TOOL(variable, name, package)                                                                \
    const QString variable = QStandardPaths::findExecutable(QStringLiteral(name));                           \
    if (variable.isEmpty() && qEnvironmentVariableIsSet("CI"))                                               \
        QFAIL(name " is not installed (apt-get install " package ")");                                       \
    if (variable.isEmpty())                                                                                  \
    QSKIP(name " is not installed (apt-get install " package ")")

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void controlFileNamesTheDependencies_data();
    void controlFileNamesTheDependencies();
    void installsItsFiles_data();
    void installsItsFiles();
    void iconsHaveTheirSizes();
    void completionsCarryTheConfigKeys();
    void manPageIsGzipped();
    void installedProgramRuns();
    void desktopEntryIsValid();
    void metainfoIsValid();

private:
    QTemporaryDir m_work;
    QString m_deb;
    QString m_root; // the package unpacked, as / would hold it
    QString m_control;
};

void TestPackage::initTestCase()
{
    if (QStandardPaths::findExecutable(u"dpkg-deb"_s).isEmpty())
        QSKIP("dpkg-deb is not installed: no .deb can be built or read here");
    QVERIFY(m_work.isValid());
    const QString out = m_work.filePath(u"out"_s);
    const Run cpack = run(QStringLiteral(FOXRELOAD_CPACK_COMMAND),
        { u"-G"_s, u"DEB"_s, u"--config"_s, QStringLiteral(FOXRELOAD_CPACK_CONFIG), u"-B"_s, out }, 600000);
    QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.out + cpack.err));
    const QStringList debs = QDir(out).entryList({ u"*.deb"_s }, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = QDir(out).filePath(debs.first());
    QVERIFY2(debs.first().startsWith(u"foxreload_"_s), qPrintable(debs.first()));
    qInfo().noquote() << "package:" << debs.first() << QFileInfo(m_deb).size() / 1024 << "KiB";

    const Run info = run(u"dpkg-deb"_s, { u"-I"_s, m_deb });
    QCOMPARE(info.exitCode, 0);
    m_control = info.out;
    m_root = m_work.filePath(u"root"_s);
    const Run extract = run(u"dpkg-deb"_s, { u"-x"_s, m_deb, m_root });
    QVERIFY2(extract.exitCode == 0, qPrintable(extract.err));
}

void TestPackage::controlFileNamesTheDependencies_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("name") << u"Package"_s << u"foxreload"_s;
    QTest::newRow("version") << u"Version"_s << u"0.1.0"_s;
    QTest::newRow("Qt Core") << u"Depends"_s << u"libqt6core6"_s;
    QTest::newRow("Qt Network") << u"Depends"_s << u"libqt6network6"_s;
    QTest::newRow("Qt Sql") << u"Depends"_s << u"libqt6sql6"_s;
    QTest::newRow("SQLite driver") << u"Depends"_s << u"libqt6sql6-sqlite"_s;
    QTest::newRow("yaml-cpp") << u"Depends"_s << u"libyaml-cpp0.7"_s;
    QTest::newRow("libyaml") << u"Depends"_s << u"libyaml-0-2"_s;
    QTest::newRow("Qt Widgets (GUI module)") << u"Depends"_s << u"libqt6widgets6"_s;
    QTest::newRow("Qt Charts (GUI module)") << u"Depends"_s << u"libqt6charts6"_s;
    QTest::newRow("Qt Svg (GUI module)") << u"Depends"_s << u"libqt6svg6"_s;
    QTest::newRow("section") << u"Section"_s << u"devel"_s;
}

void TestPackage::controlFileNamesTheDependencies()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const QRegularExpression line(u"^ "_s + field + u": (.*)$"_s, QRegularExpression::MultilineOption);
    const auto match = line.match(m_control);
    QVERIFY2(match.hasMatch(), qPrintable(m_control));
    // A package name is a whole item of the comma-separated list, with or without a version.
    const QRegularExpression item(u"(^|[ ,|])"_s + QRegularExpression::escape(expected) + u"($|[ ,(])"_s);
    QVERIFY2(item.match(match.captured(1)).hasMatch(), qPrintable(field + u": "_s + match.captured(1)));
}

void TestPackage::installsItsFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("executable");
    QTest::newRow("program") << u"usr/bin/foxreload"_s << true;
    QTest::newRow("server supervisor") << u"usr/libexec/foxreload/foxreload-supervisor"_s << true;
    QTest::newRow("GUI module") << u"usr/" FOXRELOAD_INSTALL_LIBDIR "/foxreload/foxreload-gui.so"_s << false;
    QTest::newRow("desktop entry") << u"usr/share/applications/io.github.foxreload.FoxReload.desktop"_s
                                   << false;
    QTest::newRow("metainfo") << u"usr/share/metainfo/io.github.foxreload.FoxReload.metainfo.xml"_s << false;
    QTest::newRow("SVG icon") << u"usr/share/icons/hicolor/scalable/apps/foxreload.svg"_s << false;
    QTest::newRow("man page") << u"usr/share/man/man1/foxreload.1.gz"_s << false;
    QTest::newRow("bash completion") << u"usr/share/bash-completion/completions/foxreload"_s << false;
    QTest::newRow("zsh completion") << u"usr/share/zsh/vendor-completions/_foxreload"_s << false;
    QTest::newRow("fish completion") << u"usr/share/fish/vendor_completions.d/foxreload.fish"_s << false;
    QTest::newRow("copyright") << u"usr/share/doc/foxreload/copyright"_s << false;
    QTest::newRow("example server") << u"usr/share/foxreload/examples/reynard-server/main.py"_s << false;
}

void TestPackage::installsItsFiles()
{
    QFETCH(QString, path);
    QFETCH(bool, executable);
    const QFileInfo file(m_root + u'/' + path);
    QVERIFY2(file.isFile(), qPrintable(path));
    QVERIFY(file.size() > 0);
    QCOMPARE(file.isExecutable(), executable);
    // dpkg-deb -c lists it too, owned by root (what a package built as any user must say).
    const Run list = run(u"dpkg-deb"_s, { u"-c"_s, m_deb });
    const QRegularExpression entry(u"^\\S+ root/root .* \\./"_s + QRegularExpression::escape(path) + u"$"_s,
        QRegularExpression::MultilineOption);
    QVERIFY2(entry.match(list.out).hasMatch(), qPrintable(list.out));
}

void TestPackage::iconsHaveTheirSizes()
{
    const QStringList sizes = QStringLiteral(FOXRELOAD_ICON_SIZES).split(u',');
    QVERIFY(sizes.size() >= 4);
    for (const QString& size : sizes) {
        const QString path = u"%1/usr/share/icons/hicolor/%2x%2/apps/foxreload.png"_s.arg(m_root, size);
        const QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        QCOMPARE(image.size(), QSize(size.toInt(), size.toInt()));
        QVERIFY(image.hasAlphaChannel());
        // Drawn, not empty: the centre pixel is the fox (opaque), a corner is outside the circle.
        QCOMPARE(qAlpha(image.pixel(image.width() / 2, image.height() / 2)), 255);
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    }
}

void TestPackage::completionsCarryTheConfigKeys()
{
    for (const QString& path : { u"usr/share/bash-completion/completions/foxreload"_s,
             u"usr/share/zsh/vendor-completions/_foxreload"_s,
             u"usr/share/fish/vendor_completions.d/foxreload.fish"_s }) {
        QFile file(m_root + u'/' + path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains("watch.debounce_ms") && !text.contains("@FOXRELOAD"), qPrintable(path));
    }
}

void TestPackage::manPageIsGzipped()
{
    // Debian policy: compressed with gzip -9, and only that copy (man finds either, so a stray
    // uncompressed one would go unnoticed).
    const QString page = m_root + u"/usr/share/man/man1/foxreload.1.gz"_s;
    QFile compressed(page);
    QVERIFY(compressed.open(QIODevice::ReadOnly));
    const QByteArray header = compressed.read(10);
    QVERIFY(header.startsWith("\x1f\x8b\x08")); // gzip, deflate
    QCOMPARE(quint8(header.at(8)), quint8(2)); // XFL 2: the slowest, best compression (-9)
    QCOMPARE(header.mid(4, 4), QByteArray(4, '\0')); // -n: no time stamp, the same bytes every build
    QVERIFY(!QFileInfo::exists(m_root + u"/usr/share/man/man1/foxreload.1"_s));
    // What it holds is the page in docs/ (the one tst_manpage checks against --help), byte for byte.
    QProcess gunzip;
    gunzip.start(u"gzip"_s, { u"-dc"_s, page });
    QVERIFY2(gunzip.waitForFinished(60000), "gzip -dc did not finish");
    QCOMPARE(gunzip.exitCode(), 0);
    QFile source(QStringLiteral(FOXRELOAD_SOURCE_DIR "/docs/foxreload.1"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QCOMPARE(gunzip.readAllStandardOutput(), source.readAll());
}

void TestPackage::installedProgramRuns()
{
    // Unpacked anywhere, the program runs, and its GUI module sits where it looks (a path relative to bin/).
    const Run version = run(m_root + u"/usr/bin/foxreload"_s, { u"--version"_s });
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), u"foxreload 0.1.0"_s);
    QVERIFY(QFileInfo::exists(m_root + u"/usr/" FOXRELOAD_INSTALL_LIBDIR "/foxreload/foxreload-gui.so"_s));
    const Run file = run(u"file"_s, { m_root + u"/usr/bin/foxreload"_s });
    if (file.exitCode == 0)
        QVERIFY2(
            file.out.contains(u"stripped"_s) && !file.out.contains(u"not stripped"_s), qPrintable(file.out));
}

void TestPackage::desktopEntryIsValid()
{
    REQUIRE_TOOL(validator, "desktop-file-validate", "desktop-file-utils");
    const Run result
        = run(validator, { m_root + u"/usr/share/applications/io.github.foxreload.FoxReload.desktop"_s });
    QVERIFY2(result.exitCode == 0 && result.out.isEmpty(), qPrintable(result.out + result.err));
}

void TestPackage::metainfoIsValid()
{
    REQUIRE_TOOL(validator, "appstreamcli", "appstream");
    const Run result = run(validator,
        { u"validate"_s, u"--no-net"_s,
            m_root + u"/usr/share/metainfo/io.github.foxreload.FoxReload.metainfo.xml"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    // The metainfo's launchable names the desktop entry the package installs.
    QFile metainfo(m_root + u"/usr/share/metainfo/io.github.foxreload.FoxReload.metainfo.xml"_s);
    QVERIFY(metainfo.open(QIODevice::ReadOnly));
    const QByteArray xml = metainfo.readAll();
    QVERIFY(
        xml.contains("<launchable type=\"desktop-id\">io.github.foxreload.FoxReload.desktop</launchable>"));
    for (const char* element : { "<screenshot", "<release ", "<content_rating" })
        QVERIFY2(xml.contains(element), element);
}

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
