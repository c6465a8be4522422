#include "match/Glob.h"

#include <QTest>

using namespace Qt::StringLiterals;
using foxreload::Glob;

class TestGlob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data();
    void matches();
    void covers_data();
    void covers();
    void wholeDirectory_data();
    void wholeDirectory();
    void invalid_data();
    void invalid();
    void keepsPattern();
    void defaultConstructedMatchesNothing();
    void manyAlternativesStillMatch();
};

namespace {
Glob compileOrFail(const QString& pattern)
{
    QString error;
    std::optional<Glob> glob = Glob::compile(pattern, &error);
    if (!glob)
        qFatal("pattern %s did not compile: %s", qPrintable(pattern), qPrintable(error));
    return *glob;
}

void row(
    const char* name, const QString& pattern, const QString& path, bool expected, bool isDirectory = false)
{
    QTest::newRow(name) << pattern << path << isDirectory << expected;
}
} // namespace

void TestGlob::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("isDirectory");
    QTest::addColumn<bool>("expected");

    // The seed's patterns, as a user reads them.
    row("pycache top-level dir", u"**/__pycache__/**"_s, u"__pycache__"_s, true, true);
    row("pycache nested dir", u"**/__pycache__/**"_s, u"tools/__pycache__"_s, true, true);
    row("pycache file inside", u"**/__pycache__/**"_s, u"tools/__pycache__/weather.cpython-311.pyc"_s, true);
    row("pycache deep file", u"**/__pycache__/**"_s, u"a/b/c/__pycache__/x/y.pyc"_s, true);
    row("pycache near miss", u"**/__pycache__/**"_s, u"tools/__pycache__x/a.pyc"_s, false);
    row("pycache unrelated", u"**/__pycache__/**"_s, u"tools/weather.py"_s, false);
    row("tests top-level", u"**/tests/**"_s, u"tests/test_a.py"_s, true);
    row("tests nested", u"**/tests/**"_s, u"tools/tests/unit/test_a.py"_s, true);
    row("tests as prefix only", u"**/tests/**"_s, u"tools/tests_old/a.py"_s, false);
    row("pyc top-level", u"**/*.pyc"_s, u"a.pyc"_s, true);
    row("pyc nested", u"**/*.pyc"_s, u"tools/x/a.pyc"_s, true);
    row("pyc not py", u"**/*.pyc"_s, u"tools/a.py"_s, false);
    row("pyc suffix mismatch", u"**/*.pyc"_s, u"a.pycx"_s, false);
    row("pyc hidden file", u"**/*.pyc"_s, u".cache.pyc"_s, true);
    row("dot dir top-level", u"**/.*"_s, u".git"_s, true, true);
    row("dot venv", u"**/.*"_s, u".venv"_s, true, true);
    row("dot file nested", u"**/.*"_s, u"a/.hidden"_s, true);
    row("dot file deep", u"**/.*"_s, u"a/b/.env"_s, true);
    row("dot not in middle", u"**/.*"_s, u"a/b.c"_s, false);
    row("dot exact misses contents", u"**/.*"_s, u".git/config"_s, false);
    row("tools top-level py", u"tools/**/*.py"_s, u"tools/a.py"_s, true);
    row("tools deep py", u"tools/**/*.py"_s, u"tools/x/y/a.py"_s, true);
    row("tools wrong ext", u"tools/**/*.py"_s, u"tools/a.pyc"_s, false);
    row("tools not anchored elsewhere", u"tools/**/*.py"_s, u"src/tools/a.py"_s, false);
    row("tools dir itself", u"tools/**/*.py"_s, u"tools"_s, false, true);
    row("config json", u"config/**/*.json"_s, u"config/app.json"_s, true);
    row("config json deep", u"config/**/*.json"_s, u"config/env/prod.json"_s, true);
    row("config json not yaml", u"config/**/*.json"_s, u"config/app.yaml"_s, false);
    row("config brace json", u"config/**/*.{json,yaml}"_s, u"config/app.json"_s, true);
    row("config brace yaml", u"config/**/*.{json,yaml}"_s, u"config/a/b.yaml"_s, true);
    row("config brace toml", u"config/**/*.{json,yaml}"_s, u"config/app.toml"_s, false);
    row("main top-level", u"main.py"_s, u"main.py"_s, true);
    row("main not nested", u"main.py"_s, u"tools/main.py"_s, false);
    row("main not prefix", u"main.py"_s, u"main.pyc"_s, false);
    row("main no descendants", u"main.py"_s, u"main.py/x"_s, false);
    row("protocol all", u"protocol/**"_s, u"protocol/handler.py"_s, true);
    row("protocol deep", u"protocol/**"_s, u"protocol/a/b/c.py"_s, true);
    row("protocol dir itself", u"protocol/**"_s, u"protocol"_s, true, true);
    row("protocol sibling", u"protocol/**"_s, u"protocols/a.py"_s, false);
    row("services", u"services/**/*.py"_s, u"services/cache.py"_s, true);

    // Stars and question marks stay inside one segment.
    row("star one segment", u"*.py"_s, u"a.py"_s, true);
    row("star not across slash", u"*.py"_s, u"a/b.py"_s, false);
    row("star empty run", u"a*b"_s, u"ab"_s, true);
    row("star many", u"a*b*c"_s, u"axxbyyc"_s, true);
    row("star backtrack", u"a*bc"_s, u"abcbc"_s, true);
    row("star backtrack miss", u"a*bc"_s, u"abcbd"_s, false);
    row("star alone", u"*"_s, u"anything"_s, true);
    row("star alone not deeper", u"*"_s, u"a/b"_s, false);
    row("star matches dot", u"*"_s, u".env"_s, true);
    row("middle star segment", u"a/*/c"_s, u"a/b/c"_s, true);
    row("middle star segment miss", u"a/*/c"_s, u"a/b/d/c"_s, false);
    row("double star inside segment is a star", u"a**b"_s, u"axyzb"_s, true);
    row("double star inside segment stays in segment", u"a**b"_s, u"ax/yb"_s, false);
    row("question one char", u"?.py"_s, u"a.py"_s, true);
    row("question not zero", u"?.py"_s, u".py"_s, false);
    row("question not two", u"?.py"_s, u"ab.py"_s, false);
    row("question not slash", u"a?b"_s, u"a/b"_s, false);
    row("question non-BMP", u"?.txt"_s, u"\U0001F98A.txt"_s, true);
    row("star then question", u"*?"_s, u"a"_s, true);
    row("star then question empty", u"*?"_s, u""_s, false);

    // Globstar placement.
    row("globstar alone", u"**"_s, u"a/b/c"_s, true);
    row("globstar alone top", u"**"_s, u"a"_s, true);
    row("globstar middle zero", u"a/**/b"_s, u"a/b"_s, true);
    row("globstar middle one", u"a/**/b"_s, u"a/x/b"_s, true);
    row("globstar middle many", u"a/**/b"_s, u"a/x/y/z/b"_s, true);
    row("globstar middle miss", u"a/**/b"_s, u"a/x/y/z/c"_s, false);
    row("two globstars", u"**/x/**/y"_s, u"p/x/q/r/y"_s, true);
    row("two globstars zero", u"**/x/**/y"_s, u"x/y"_s, true);
    row("two globstars miss", u"**/x/**/y"_s, u"p/q/y"_s, false);
    row("globstar then star", u"**/*"_s, u"a/b"_s, true);
    row("globstar repeated segment", u"**/a/b"_s, u"a/a/a/b"_s, true);
    row("consecutive globstars", u"**/**/z"_s, u"z"_s, true);
    row("empty path never", u"**"_s, u""_s, false);

    // Character classes.
    row("class range", u"file[0-9].txt"_s, u"file7.txt"_s, true);
    row("class range miss", u"file[0-9].txt"_s, u"fileA.txt"_s, false);
    row("class set", u"[abc].py"_s, u"b.py"_s, true);
    row("class negated bang", u"[!a-z].py"_s, u"A.py"_s, true);
    row("class negated bang miss", u"[!a-z].py"_s, u"q.py"_s, false);
    row("class negated caret", u"[^a-z].py"_s, u"9.py"_s, true);
    row("class bracket first member", u"[]x].py"_s, u"].py"_s, true);
    row("class negated bracket first", u"[!]].py"_s, u"].py"_s, false);
    row("class trailing dash", u"[a-].py"_s, u"-.py"_s, true);
    row("class several ranges", u"[a-cx-z]"_s, u"y"_s, true);
    row("class several ranges miss", u"[a-cx-z]"_s, u"m"_s, false);
    row("class escaped bracket", u"[\\]]"_s, u"]"_s, true);
    row("class non-BMP", u"[\U0001F98A]"_s, u"\U0001F98A"_s, true);
    row("class is one char", u"[ab]"_s, u"ab"_s, false);
    row("class comma is literal", u"[,]"_s, u","_s, true);
    row("class brace is literal", u"[{]x"_s, u"{x"_s, true);

    // Braces.
    row("brace first", u"{a,b}.py"_s, u"a.py"_s, true);
    row("brace second", u"{a,b}.py"_s, u"b.py"_s, true);
    row("brace none", u"{a,b}.py"_s, u"c.py"_s, false);
    row("brace with slash", u"{tools,services}/**/*.py"_s, u"services/x/a.py"_s, true);
    row("brace with globs", u"{*.py,data/*.json}"_s, u"data/x.json"_s, true);
    row("brace nested", u"{a,{b,c}d}.txt"_s, u"cd.txt"_s, true);
    row("brace nested outer", u"{a,{b,c}d}.txt"_s, u"a.txt"_s, true);
    row("brace nested miss", u"{a,{b,c}d}.txt"_s, u"c.txt"_s, false);
    row("brace empty alternative", u"main{,.bak}.py"_s, u"main.py"_s, true);
    row("brace empty alternative other", u"main{,.bak}.py"_s, u"main.bak.py"_s, true);
    row("brace single", u"{a}.py"_s, u"a.py"_s, true);
    row("brace two groups", u"{a,b}/{c,d}"_s, u"b/c"_s, true);
    row("brace escaped comma", u"{a\\,b,c}"_s, u"a,b"_s, true);
    row("brace escaped comma not split", u"{a\\,b,c}"_s, u"a"_s, false);
    row("brace globstar alternative", u"{**/x,y}"_s, u"p/q/x"_s, true);

    // Escapes.
    row("escaped star", u"a\\*b"_s, u"a*b"_s, true);
    row("escaped star literal only", u"a\\*b"_s, u"axb"_s, false);
    row("escaped question", u"\\?"_s, u"?"_s, true);
    row("escaped question literal only", u"\\?"_s, u"x"_s, false);
    row("escaped brace", u"\\{a,b\\}"_s, u"{a,b}"_s, true);
    row("escaped bracket", u"\\[x]"_s, u"[x]"_s, true);
    row("escaped backslash", u"a\\\\b"_s, u"a\\b"_s, true);
    row("escaped globstar is literal", u"\\*\\*/a"_s, u"x/a"_s, false);

    // Anchoring and separators.
    row("leading slash ignored", u"/main.py"_s, u"main.py"_s, true);
    row("leading dot slash ignored", u"./main.py"_s, u"main.py"_s, true);
    row("double slash collapses", u"tools//a.py"_s, u"tools/a.py"_s, true);
    row("case sensitive", u"Main.py"_s, u"main.py"_s, false);
    row("path with trailing slash", u"tools/*"_s, u"tools/a/"_s, true);

    // Trailing slash: a directory and everything below.
    row("dir pattern dir", u"build/"_s, u"build"_s, true, true);
    row("dir pattern file named like it", u"build/"_s, u"build"_s, false, false);
    row("dir pattern contents", u"build/"_s, u"build/x/y.o"_s, true);
    row("dir pattern other", u"build/"_s, u"builder/x"_s, false);
    row("dir pattern nested glob", u"**/node_modules/"_s, u"web/node_modules/a/b.js"_s, true);
    row("dir pattern nested glob dir", u"**/node_modules/"_s, u"node_modules"_s, true, true);
}

void TestGlob::matches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(bool, isDirectory);
    QFETCH(bool, expected);
    QCOMPARE(compileOrFail(pattern).matches(path, isDirectory), expected);
}

void TestGlob::covers_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("isDirectory");
    QTest::addColumn<bool>("expected");

    row("dot dir covers contents", u"**/.*"_s, u".git/objects/ab/cdef"_s, true);
    row("dot dir covers venv", u"**/.*"_s, u".venv/lib/site.py"_s, true);
    row("dot dir nested covers", u"**/.*"_s, u"a/.cache/x"_s, true);
    row("dot no cover", u"**/.*"_s, u"a/b/c.py"_s, false);
    row("plain dir name covers", u"build"_s, u"build/x.o"_s, true);
    row("plain name itself", u"build"_s, u"build"_s, true);
    row("plain name other", u"build"_s, u"src/build/x.o"_s, false);
    row("star covers everything below top", u"*"_s, u"a/b/c"_s, true);
    row("file pattern no ancestors", u"tools/**/*.py"_s, u"tools/x/y.txt"_s, false);
    row("file pattern self", u"tools/**/*.py"_s, u"tools/x/y.py"_s, true);
    row("pycache covers", u"**/__pycache__/**"_s, u"a/__pycache__/b/c.pyc"_s, true);
    row("dir-only needs dir at end", u"logs/"_s, u"logs"_s, false, false);
    row("dir-only dir at end", u"logs/"_s, u"logs"_s, true, true);
    row("dir-only ancestor", u"logs/"_s, u"logs/today.txt"_s, true, false);
    row("globstar dir-only nested", u"**/out/"_s, u"a/out/b.txt"_s, true, false);
    row("tests covers nested", u"**/tests"_s, u"x/tests/unit/a.py"_s, true);
}

void TestGlob::covers()
{
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(bool, isDirectory);
    QFETCH(bool, expected);
    QCOMPARE(compileOrFail(pattern).covers(path, isDirectory), expected);
}

void TestGlob::wholeDirectory_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("directory");
    QTest::addColumn<bool>("expected");

    QTest::newRow("pycache top") << u"**/__pycache__/**"_s << u"__pycache__"_s << true;
    QTest::newRow("pycache nested") << u"**/__pycache__/**"_s << u"a/__pycache__"_s << true;
    QTest::newRow("pycache inside") << u"**/__pycache__/**"_s << u"a/__pycache__/sub"_s << true;
    QTest::newRow("pycache parent is not") << u"**/__pycache__/**"_s << u"a"_s << false;
    QTest::newRow("tests") << u"**/tests/**"_s << u"tools/tests"_s << true;
    QTest::newRow("dot git") << u"**/.*"_s << u".git"_s << true;
    QTest::newRow("dot venv") << u"**/.*"_s << u".venv"_s << true;
    QTest::newRow("dot nested") << u"**/.*"_s << u"a/b/.cache"_s << true;
    QTest::newRow("dot inside dot") << u"**/.*"_s << u".git/objects"_s << true;
    QTest::newRow("dot plain dir") << u"**/.*"_s << u"tools"_s << false;
    QTest::newRow("pyc never whole") << u"**/*.pyc"_s << u"tools"_s << false;
    QTest::newRow("pyc dir named like it") << u"**/*.pyc"_s << u"odd.pyc"_s << true;
    QTest::newRow("build slash") << u"build/"_s << u"build"_s << true;
    QTest::newRow("build slash nested") << u"build/"_s << u"build/x"_s << true;
    QTest::newRow("build slash other") << u"build/"_s << u"src/build"_s << false;
    QTest::newRow("build globstar") << u"build/**"_s << u"build"_s << true;
    QTest::newRow("plain name") << u"node_modules"_s << u"node_modules"_s << true;
    QTest::newRow("tools py not whole") << u"tools/**/*.py"_s << u"tools"_s << false;
    QTest::newRow("tools py subdir not whole") << u"tools/**/*.py"_s << u"tools/x"_s << false;
    QTest::newRow("everything below via star") << u"out/**/*"_s << u"out"_s << true;
    QTest::newRow("star then globstar") << u"out/*/**"_s << u"out"_s << true;
    QTest::newRow("two stars need depth") << u"out/*/*/**"_s << u"out"_s << false;
    QTest::newRow("two stars deeper") << u"out/*/*/**"_s << u"out/a"_s << true;
    QTest::newRow("brace alternative") << u"{build,dist}/"_s << u"dist"_s << true;
    QTest::newRow("main py is not a dir prefix") << u"main.py"_s << u"tools"_s << false;
    QTest::newRow("root never") << u"**"_s << u""_s << false;
}

void TestGlob::wholeDirectory()
{
    QFETCH(QString, pattern);
    QFETCH(QString, directory);
    QFETCH(bool, expected);
    QCOMPARE(compileOrFail(pattern).matchesWholeDirectory(directory), expected);
}

void TestGlob::invalid_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << u""_s << u"empty pattern"_s;
    QTest::newRow("blank") << u"   "_s << u"empty pattern"_s;
    QTest::newRow("only slash") << u"/"_s << u"the pattern names no path"_s;
    QTest::newRow("unclosed bracket") << u"[a-"_s << u"unclosed bracket '[' at column 1"_s;
    QTest::newRow("unclosed bracket later") << u"tools/[ab"_s << u"unclosed bracket '[' at column 7"_s;
    QTest::newRow("bracket only") << u"[]"_s << u"unclosed bracket '[' at column 1"_s;
    QTest::newRow("negated bracket only") << u"[!]"_s << u"unclosed bracket '[' at column 1"_s;
    QTest::newRow("reversed range")
        << u"[z-a]"_s << u"invalid range '[z-a]' in a character class (the end is before the start)"_s;
    QTest::newRow("slash in class") << u"a[/]b"_s << u"'/' inside the character class at column 2"_s;
    QTest::newRow("unclosed brace") << u"{a,b"_s << u"unclosed brace '{' at column 1"_s;
    QTest::newRow("unclosed nested brace") << u"x{a,{b}"_s << u"unclosed brace '{' at column 2"_s;
    QTest::newRow("unmatched close") << u"a,b}"_s
                                     << u"unmatched '}' at column 4 (write \\} for a literal brace)"_s;
    QTest::newRow("escaped open leaves close unmatched")
        << u"\\{a}"_s << u"unmatched '}' at column 4 (write \\} for a literal brace)"_s;
    QTest::newRow("dangling escape") << u"abc\\"_s << u"dangling escape '\\' at the end"_s;
    QTest::newRow("dot dot")
        << u"../secret"_s << u"'..' cannot appear in a pattern (patterns are relative to the project root)"_s;
    QTest::newRow("too many alternatives") << u"{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b}"_s
                                           << u"too many alternatives (braces expand to more than 256)"_s;
    QString deep;
    for (int i = 0; i < 64; ++i)
        deep += u"d/"_s;
    deep += u"x"_s;
    QTest::newRow("too deep") << deep << u"too many path segments (more than 63)"_s;
}

void TestGlob::invalid()
{
    QFETCH(QString, pattern);
    QFETCH(QString, message);
    QString error;
    const std::optional<Glob> glob = Glob::compile(pattern, &error);
    QVERIFY(!glob);
    QCOMPARE(error, message);
    QVERIFY(!Glob::compile(pattern)); // the error pointer is optional
}

void TestGlob::keepsPattern()
{
    QCOMPARE(compileOrFail(u"config/**/*.{json,yaml}"_s).pattern(), u"config/**/*.{json,yaml}"_s);
    QString error = u"stale"_s;
    QVERIFY(Glob::compile(u"a"_s, &error));
    QVERIFY(error.isEmpty());
}

void TestGlob::defaultConstructedMatchesNothing()
{
    const Glob glob;
    QVERIFY(!glob.matches(u"a"_s));
    QVERIFY(!glob.covers(u"a"_s, true));
    QVERIFY(!glob.matchesWholeDirectory(u"a"_s));
    QVERIFY(glob.pattern().isEmpty());
}

void TestGlob::manyAlternativesStillMatch()
{
    // 4^4 = 256 alternatives: the limit itself is allowed.
    const Glob glob = compileOrFail(u"{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}"_s);
    QVERIFY(glob.matches(u"dcba"_s));
    QVERIFY(glob.matches(u"aaaa"_s));
    QVERIFY(!glob.matches(u"aaae"_s));
}

QTEST_GUILESS_MAIN(TestGlob)
#include "tst_glob.moc"
