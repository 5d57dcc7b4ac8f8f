// The notes edits in a real lab: recategorise, retag and themes, each
// returning what it replaced, and the errors for bad input (nothing is
// changed then).

#include "sessions/store/notesedit.h"
#include "tests/review/reviewlab.h"

#include <QTest>

using namespace devzero;
using namespace devzero::store;

class TestNotesEdit : public QObject
{
    Q_OBJECT

private:
    test::ReviewLab m_lab;
    QList<ReviewNote> m_notes;

private slots:
    void initTestCase()
    {
        const QString built = m_lab.build();
        QVERIFY2(built.isEmpty(), qPrintable(built));
    }
    void init()
    {
        Result<QList<ReviewNote>> notes = NotesEditStore(*m_lab.lab).notes();
        QVERIFY(notes.ok());
        m_notes = *notes;
    }

    void listsNotesWithContext()
    {
        QCOMPARE(m_notes.size(), 3);
        const ReviewNote &first = m_notes.first();
        QCOMPARE(first.pseudonym, QStringLiteral("dz-ana"));
        QCOMPARE(first.taskNumber, QStringLiteral("1.2"));
        QCOMPARE(first.taskTitle, QStringLiteral("Charge a test card"));
        QVERIFY(first.journeyId > 0);
        QCOMPARE(first.page, QStringLiteral("docs/payments.md"));
        QCOMPARE(first.anchor, QStringLiteral("create-a-payment"));
        QCOMPARE(first.docsRevision, m_lab.commit1);
        QVERIFY(m_notes[0].wallMs < m_notes[1].wallMs);
    }

    void recategorise()
    {
        NotesEditStore store(*m_lab.lab);
        const qint64 id = m_notes[1].id;
        Result<QHash<qint64, QString>> previous = store.setCategory({id}, QStringLiteral("unclear-step"));
        QVERIFY(previous.ok());
        QCOMPARE(previous->value(id), QStringLiteral("undefined-term"));
        QCOMPARE(store.notes()->at(1).category, QStringLiteral("unclear-step"));
        QVERIFY(store.restoreCategories(*previous).ok());
        QCOMPARE(store.notes()->at(1).category, QStringLiteral("undefined-term"));
    }

    void retag()
    {
        NotesEditStore store(*m_lab.lab);
        const qint64 id = m_notes[0].id;
        Result<QStringList> previous = store.setTags(id, {QStringLiteral(" install "), QStringLiteral("grpcurl"), QStringLiteral("install"), QString()});
        QVERIFY(previous.ok());
        QVERIFY(previous->isEmpty());
        QCOMPARE(store.notes()->at(0).tags, (QStringList{QStringLiteral("grpcurl"), QStringLiteral("install")}));
        QCOMPARE(*store.setTags(id, {}), (QStringList{QStringLiteral("grpcurl"), QStringLiteral("install")}));
        QVERIFY(store.notes()->at(0).tags.isEmpty());
    }

    void themes()
    {
        NotesEditStore store(*m_lab.lab);
        Result<qint64> theme = store.ensureTheme(QStringLiteral("  Missing   tools "), 1);
        QVERIFY(theme.ok());
        QCOMPARE(*store.ensureTheme(QStringLiteral("Missing tools"), 2), *theme); // same name, same theme
        Result<QHash<qint64, qint64>> previous = store.setTheme({m_notes[0].id, m_notes[2].id}, *theme);
        QVERIFY(previous.ok());
        QCOMPARE(previous->value(m_notes[0].id), 0);
        QCOMPARE(store.themes()->size(), 1);
        QCOMPARE(store.themes()->first().notes, 2);
        QCOMPARE(store.notes()->at(2).theme, QStringLiteral("Missing tools"));
        QVERIFY(store.restoreThemes(*previous).ok());
        QVERIFY(store.dropEmptyThemes().ok());
        QVERIFY(store.themes()->isEmpty());
        QCOMPARE(store.notes()->at(2).themeId, 0);
    }

    void badInput()
    {
        NotesEditStore store(*m_lab.lab);
        Result<QHash<qint64, QString>> empty = store.setCategory({m_notes[0].id}, QStringLiteral("  "));
        QVERIFY(!empty.ok());
        QVERIFY(empty.error().message.contains(QLatin1String("empty")));
        // An unknown note among known ones: nothing changes.
        Result<QHash<qint64, QString>> unknown = store.setCategory({m_notes[0].id, 987654}, QStringLiteral("other"));
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.error().message.contains(QLatin1String("987654")));
        QCOMPARE(store.notes()->at(0).category, m_notes[0].category);
        QVERIFY(!store.setTags(987654, {QStringLiteral("x")}).ok());
        QVERIFY(!store.ensureTheme(QStringLiteral("   "), 1).ok());
        Result<QHash<qint64, qint64>> noTheme = store.setTheme({m_notes[0].id}, 4242);
        QVERIFY(!noTheme.ok());
        QVERIFY(noTheme.error().message.contains(QLatin1String("4242")));
    }
};

QTEST_GUILESS_MAIN(TestNotesEdit)
#include "test_notes_edit.moc"
