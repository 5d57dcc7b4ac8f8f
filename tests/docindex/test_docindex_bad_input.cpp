// Bad input: each case gets a clear message naming what and where, nothing
// crashes, and the previous good index survives.

#include "sessions/docindex/docindex.h"
#include "sessions/docindex/sqliteconnection.h"
#include "tests/docindex/acmedocs.h"
#include "tests/docindex/docindextesthelpers.h"
#include "tests/docindex/fixturerepo.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace devzero;
using namespace devzero::docindex;
using namespace devzero::test;

namespace {

SourceSpec specFor(const QString &name, const QString &repo, const QString &subdir = QStringLiteral("docs"))
{
    SourceSpec spec;
    spec.name = name;
    spec.repo = repo;
    spec.subdir = subdir;
    return spec;
}

QString text(const Error &e)
{
    return e.toString();
}

} // namespace

class TestDocIndexBadInput : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void notAGitRepository();
    void missingFolder();
    void missingRef();
    void refsByTagBranchAndCommit();
    void emptyRepository();
    void missingSubdir();
    void bareRepositoryWorks();
    void submodulesAndSymlinksSkipped();
    void binaryAndNonUtf8Pages();
    void pageOverTheSizeLimit();
    void linksEscapingTheRepository();
    void invalidAndDuplicateNames();
    void cloneOfANonRepositoryLeavesNothing();
    void cancelledCloneLeavesNothing();
    void vanishedRepositoryKeepsTheIndex();
    void newerSchemaIsRefused();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DocIndex> m_index;
    QString path(const QString &relative) const { return m_dir->filePath(relative); }
};

void TestDocIndexBadInput::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto index = DocIndex::open(path(QStringLiteral("data/docs-index.sqlite")));
    QVERIFY2(index, qPrintable(index ? QString() : text(index.error())));
    m_index = std::move(*index);
}

void TestDocIndexBadInput::cleanup()
{
    m_index.reset();
    m_dir.reset();
}

void TestDocIndexBadInput::notAGitRepository()
{
    const QString plain = path(QStringLiteral("plain"));
    QVERIFY(QDir().mkpath(plain));
    QFile file(plain + QStringLiteral("/index.md"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# Not in git\n");
    file.close();
    auto added = m_index->addSource(specFor(QStringLiteral("plain"), plain));
    QVERIFY(!added);
    QVERIFY2(added.error().message.contains(QStringLiteral("not a git repository")), qPrintable(text(added.error())));
    QCOMPARE(added.error().where, plain);
    QVERIFY(m_index->sources()->isEmpty()); // nothing registered
}

void TestDocIndexBadInput::missingFolder()
{
    const QString nowhere = path(QStringLiteral("does/not/exist"));
    auto added = m_index->addSource(specFor(QStringLiteral("ghost"), nowhere));
    QVERIFY(!added);
    QVERIFY2(added.error().message.contains(QStringLiteral("no such folder")), qPrintable(text(added.error())));
    QCOMPARE(added.error().where, nowhere);
    auto asFile = m_index->addSource(specFor(QStringLiteral("ghost"), QUrl::fromLocalFile(nowhere).toString()));
    QVERIFY(!asFile);
    QCOMPARE(asFile.error().where, nowhere);
}

void TestDocIndexBadInput::missingRef()
{
    FixtureRepo repo(path(QStringLiteral("acme")));
    buildAcmeDocs(repo);
    QVERIFY(repo.ok());
    SourceSpec spec = specFor(QStringLiteral("acme"), repo.path());
    spec.ref = QStringLiteral("release-9");
    auto added = m_index->addSource(spec);
    QVERIFY(!added);
    QVERIFY2(added.error().message.contains(QStringLiteral("no branch, tag or commit named 'release-9'")),
             qPrintable(text(added.error())));
    QCOMPARE(added.error().where, repo.path());
    QVERIFY(m_index->sources()->isEmpty());
}

void TestDocIndexBadInput::refsByTagBranchAndCommit()
{
    FixtureRepo repo(path(QStringLiteral("acme")));
    const AcmeDocs docs = buildAcmeDocs(repo);
    QVERIFY(repo.tag(QStringLiteral("v1.0"), docs.commits.at(1)));
    QVERIFY(repo.branch(QStringLiteral("old"), docs.commits.at(0)));
    const QList<QPair<QString, QString>> refs = {{QStringLiteral("v1.0"), docs.commits.at(1)},
                                                 {QStringLiteral("old"), docs.commits.at(0)},
                                                 {docs.commits.at(2).left(10), docs.commits.at(2)}};
    int n = 0;
    for (const auto &[ref, commit] : refs) {
        SourceSpec spec = specFor(QStringLiteral("acme%1").arg(++n), repo.path());
        spec.ref = ref;
        auto added = m_index->addSource(spec);
        QVERIFY2(added, qPrintable(added ? QString() : text(added.error())));
        QCOMPARE(added->commitId, commit);
    }
}

void TestDocIndexBadInput::emptyRepository()
{
    FixtureRepo repo(path(QStringLiteral("empty")));
    QVERIFY(repo.ok());
    auto added = m_index->addSource(specFor(QStringLiteral("empty"), repo.path()));
    QVERIFY(!added);
    QVERIFY2(added.error().message.contains(QStringLiteral("empty")), qPrintable(text(added.error())));
    QVERIFY(m_index->sources()->isEmpty());
}

void TestDocIndexBadInput::missingSubdir()
{
    FixtureRepo repo(path(QStringLiteral("acme")));
    buildAcmeDocs(repo);
    auto added = m_index->addSource(specFor(QStringLiteral("acme"), repo.path(), QStringLiteral("documentation")));
    QVERIFY(!added);
    QVERIFY2(added.error().message.contains(QStringLiteral("folder 'documentation' not found")), qPrintable(text(added.error())));
}

void TestDocIndexBadInput::bareRepositoryWorks()
{
    FixtureRepo repo(path(QStringLiteral("acme.git")), true);
    const AcmeDocs docs = buildAcmeDocs(repo);
    QVERIFY(repo.ok());
    auto added = m_index->addSource(specFor(QStringLiteral("bare"), repo.path()));
    QVERIFY2(added, qPrintable(added ? QString() : text(added.error())));
    QCOMPARE(added->pagesTotal, docs.pageCount);
    QVERIFY(m_index->readPageBlob(QStringLiteral("docs/index.md")));
}

void TestDocIndexBadInput::submodulesAndSymlinksSkipped()
{
    FixtureRepo repo(path(QStringLiteral("acme")));
    const AcmeDocs docs = buildAcmeDocs(repo);
    repo.submodule(QStringLiteral("docs/vendor"), docs.commits.first())
        .symlink(QStringLiteral("docs/latest.md"), QStringLiteral("getting-started.md"))
        .write(QStringLiteral("docs/links.md"), "# Links\n\n[latest](latest.md) and [vendor](vendor/)\n");
    repo.commit(QStringLiteral("Submodule and symlink"));
    QVERIFY2(repo.ok(), qPrintable(repo.error()));
    auto added = m_index->addSource(specFor(QStringLiteral("acme"), repo.path()));
    QVERIFY2(added, qPrintable(added ? QString() : text(added.error())));
    QCOMPARE(added->pagesTotal, docs.pageCount + 1);
    QCOMPARE(added->pagesSkipped, 2);
    const QString notes = added->notes.join(u'\n');
    QVERIFY2(notes.contains(QStringLiteral("docs/vendor: submodule skipped")), qPrintable(notes));
    QVERIFY2(notes.contains(QStringLiteral("docs/latest.md: symbolic link skipped")), qPrintable(notes));
    QVERIFY(!m_index->page(QStringLiteral("docs/latest.md")));
    auto links = m_index->page(QStringLiteral("docs/links.md"));
    QVERIFY(links);
    // The symlink still exists in the tree, so a link to it is not broken.
    QCOMPARE(linkTo(*links, QStringLiteral("latest.md"))->status, PageLink::Status::Ok);
}

void TestDocIndexBadInput::binaryAndNonUtf8Pages()
{
    FixtureRepo repo(path(QStringLiteral("acme")));
    const AcmeDocs docs = buildAcmeDocs(repo);
    repo.write(QStringLiteral("docs/binary.md"), QByteArray("# Looks like Markdown\n\0\x01\x02\xff binary", 32))
        .write(QStringLiteral("docs/latin1.md"), "# Caf\xe9 cr\xe8me\n\nLatin-1 bytes, not UTF-8: na\xefve.\n");
    repo.commit(QStringLiteral("Bad encodings"));
    auto added = m_index->addSource(specFor(QStringLiteral("acme"), repo.path()));
    QVERIFY2(added, qPrintable(added ? QString() : text(added.error())));
    QCOMPARE(added->pagesTotal, docs.pageCount + 1); // the binary one is skipped
    const QString warnings = added->warnings.join(u'\n');
    QVERIFY2(warnings.contains(QStringLiteral("docs/binary.md: skipped: binary content")), qPrintable(warnings));
    QVERIFY2(warnings.contains(QStringLiteral("docs/latin1.md: not valid UTF-8")), qPrintable(warnings));
    QVERIFY(!m_index->page(QStringLiteral("docs/binary.md")));
    auto latin = m_index->page(QStringLiteral("docs/latin1.md"));
    QVERIFY(latin);
    QVERIFY(!latin->warnings.isEmpty());
    auto search = m_index->search(QStringLiteral("bytes"));
    QVERIFY(search);
    QCOMPARE(pathsOf(*search), QStringList{QStringLiteral("docs/latin1.md")});
    auto source = m_index->source(QStringLiteral("acme"));
    QVERIFY(source);
}

void TestDocIndexBadInput::pageOverTheSizeLimit()
{
    FixtureRepo repo(path(QStringLiteral("acme")));
    const AcmeDocs docs = buildAcmeDocs(repo);
    QByteArray huge("# Generated\n\n");
    huge.append(QByteArray(kMaxPageBytes, 'a'));
    repo.write(QStringLiteral("docs/huge.md"), huge);
    repo.commit(QStringLiteral("Generated page"));
    QVERIFY(repo.ok());
    auto added = m_index->addSource(specFor(QStringLiteral("acme"), repo.path()));
    QVERIFY2(added, qPrintable(added ? QString() : text(added.error())));
    QCOMPARE(added->pagesTotal, docs.pageCount);
    QCOMPARE(added->pagesSkipped, 1);
    const QString warnings = added->warnings.join(u'\n');
    QVERIFY2(warnings.contains(QStringLiteral("docs/huge.md: skipped: %1 bytes is over the 8 MB page size limit").arg(huge.size())),
             qPrintable(warnings));
}

void TestDocIndexBadInput::linksEscapingTheRepository()
{
    FixtureRepo repo(path(QStringLiteral("acme")));
    buildAcmeDocs(repo);
    repo.write(QStringLiteral("docs/escape.md"), "# Escape\n\n[passwd](../../../../etc/passwd) [root](../README.md)\n");
    repo.commit(QStringLiteral("Escapes"));
    auto added = m_index->addSource(specFor(QStringLiteral("acme"), repo.path()));
    QVERIFY(added);
    auto page = m_index->page(QStringLiteral("docs/escape.md"));
    QVERIFY(page);
    const PageLink *passwd = linkTo(*page, QStringLiteral("../../../../etc/passwd"));
    QVERIFY(passwd);
    QCOMPARE(passwd->status, PageLink::Status::EscapesRepository);
    QVERIFY(passwd->broken());
    QVERIFY(passwd->path.isEmpty()); // it names nothing we would read
    // Inside the repository but outside the indexed folder: not judged.
    const PageLink *root = linkTo(*page, QStringLiteral("../README.md"));
    QVERIFY(root);
    QCOMPARE(root->status, PageLink::Status::OutsideIndex);
    QVERIFY(added->warnings.join(u'\n').contains(QStringLiteral("docs/escape.md:3: link '../../../../etc/passwd' leads out of the repository")));
}

void TestDocIndexBadInput::invalidAndDuplicateNames()
{
    FixtureRepo repo(path(QStringLiteral("acme")));
    buildAcmeDocs(repo);
    for (const QString &bad : {QString(), QStringLiteral("../x"), QStringLiteral("a b"), QStringLiteral("-dash")}) {
        auto added = m_index->addSource(specFor(bad, repo.path()));
        QVERIFY2(!added, qPrintable(bad));
        QVERIFY(added.error().message.contains(QStringLiteral("not a valid source name")));
    }
    QVERIFY(m_index->addSource(specFor(QStringLiteral("acme"), repo.path())));
    auto again = m_index->addSource(specFor(QStringLiteral("acme"), repo.path()));
    QVERIFY(!again);
    QVERIFY(again.error().message.contains(QStringLiteral("already exists")));
    auto noRepo = m_index->addSource(specFor(QStringLiteral("other"), QString()));
    QVERIFY(!noRepo);
    auto unknown = m_index->updateSource(QStringLiteral("nope"));
    QVERIFY(!unknown);
    QVERIFY(unknown.error().message.contains(QStringLiteral("no docs source named 'nope'")));
    QVERIFY(!m_index->removeSource(QStringLiteral("nope")));
}

void TestDocIndexBadInput::cloneOfANonRepositoryLeavesNothing()
{
    const QString plain = path(QStringLiteral("plain"));
    QVERIFY(QDir().mkpath(plain + QStringLiteral("/docs")));
    SourceSpec spec = specFor(QStringLiteral("broken"), QUrl::fromLocalFile(plain).toString());
    spec.clone = true;
    auto added = m_index->addSource(spec);
    QVERIFY(!added);
    QVERIFY2(added.error().message.contains(QStringLiteral("clone failed")), qPrintable(text(added.error())));
    QCOMPARE(added.error().where, spec.repo);
    QVERIFY(m_index->sources()->isEmpty());
    const QDir clones(m_index->clonesDir());
    QVERIFY2(clones.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty(),
             qPrintable(clones.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).join(u',')));
}

void TestDocIndexBadInput::cancelledCloneLeavesNothing()
{
    FixtureRepo repo(path(QStringLiteral("acme")));
    buildAcmeDocs(repo);
    SourceSpec spec = specFor(QStringLiteral("acme"), QUrl::fromLocalFile(repo.path()).toString());
    spec.clone = true;
    std::atomic_bool cancel{false};
    bool sawTransfer = false;
    auto added = m_index->addSource(spec, [&](const Progress &p) {
        if (p.stage == Progress::Stage::Cloning && p.total > 0) {
            sawTransfer = true;
            cancel.store(true); // half way: objects are arriving
        }
    }, &cancel);
    QVERIFY(sawTransfer);
    QVERIFY(!added);
    QVERIFY2(added.error().message.contains(QStringLiteral("cancelled")), qPrintable(text(added.error())));
    QVERIFY(m_index->sources()->isEmpty());
    const QDir clones(m_index->clonesDir());
    QVERIFY(clones.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());

    // Cancelled while indexing, after the clone finished: the clone goes too.
    cancel.store(false);
    added = m_index->addSource(spec, [&](const Progress &p) {
        if (p.stage == Progress::Stage::Parsing)
            cancel.store(true);
    }, &cancel);
    QVERIFY(!added);
    QVERIFY(added.error().message.contains(QStringLiteral("cancelled")));
    QVERIFY(m_index->sources()->isEmpty());
    QVERIFY(clones.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
}

void TestDocIndexBadInput::vanishedRepositoryKeepsTheIndex()
{
    const QString place = path(QStringLiteral("acme"));
    {
        FixtureRepo repo(place);
        buildAcmeDocs(repo);
    }
    QVERIFY(m_index->addSource(specFor(QStringLiteral("acme"), place)));
    QVERIFY(QDir().rename(place, path(QStringLiteral("moved"))));
    // The open repository handle may still answer: start a new program run.
    m_index.reset();
    auto reopened = DocIndex::open(path(QStringLiteral("data/docs-index.sqlite")));
    QVERIFY(reopened);
    m_index = std::move(*reopened);
    auto updated = m_index->updateSource(QStringLiteral("acme"));
    QVERIFY(!updated);
    QVERIFY2(updated.error().message.contains(QStringLiteral("docs source 'acme'")), qPrintable(text(updated.error())));
    QCOMPARE(updated.error().where, place);
    auto results = m_index->search(QStringLiteral("annotations"));
    QVERIFY(results);
    QCOMPARE(results->size(), 1); // the previous good index answers
    auto blob = m_index->readPageBlob(QStringLiteral("docs/index.md"));
    QVERIFY(!blob); // the bytes live in the repository
    QVERIFY(blob.error().message.contains(QStringLiteral("no such folder")));
}

void TestDocIndexBadInput::newerSchemaIsRefused()
{
    const QString file = path(QStringLiteral("newer/docs-index.sqlite"));
    {
        auto db = SqliteConnection::open(file);
        QVERIFY(db);
        QVERIFY((*db)->exec("PRAGMA user_version=99"));
    }
    auto opened = DocIndex::open(file);
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(QStringLiteral("schema version 99")), qPrintable(text(opened.error())));
    QCOMPARE(opened.error().where, file);
}

QTEST_GUILESS_MAIN(TestDocIndexBadInput)
#include "test_docindex_bad_input.moc"
