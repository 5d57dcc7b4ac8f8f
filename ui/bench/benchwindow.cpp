#include "ui/bench/benchwindow.h"

#include "sessions/capture/notecategory.h"
#include "ui/bench/benchsession.h"
#include "ui/bench/docspanel.h"
#include "ui/bench/labpaths.h"
#include "ui/bench/notebar.h"
#include "ui/bench/seqquestion.h"
#include "ui/bench/shortcutsoverlay.h"
#include "ui/bench/susquestionnaire.h"
#include "ui/bench/taskpanel.h"
#include "ui/bench/thankyoupage.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace devzero::ui {

using store::Outcome;

BenchWindow::BenchWindow(std::unique_ptr<BenchSession> session, const std::optional<QString> &docsSource, QWidget *parent)
    : QMainWindow(parent), m_session(std::move(session))
{
    setObjectName(QStringLiteral("benchWindow"));
    setWindowTitle(tr("%1 - Developer Zero bench").arg(m_session->session().pseudonym));
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Developer Zero bench"), question) == QMessageBox::Yes;
    };
    BenchSession *s = m_session.get();

    const QString tasks = tr("Tasks");
    const TaskPanel::Actions actions{
        addShortcut(tr("Start task"), {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
                    tasks, [s] { s->startTask(); }),
        addShortcut(tr("Done"), {QKeySequence(QStringLiteral("Ctrl+Shift+D"))}, tasks, [s] { s->endTask(Outcome::Success); }),
        addShortcut(tr("Failed"), {QKeySequence(QStringLiteral("Ctrl+Shift+F"))}, tasks, [s] { s->endTask(Outcome::Failure); }),
        addShortcut(tr("Give up"), {QKeySequence(QStringLiteral("Ctrl+Shift+G"))}, tasks, [s] { s->endTask(Outcome::GaveUp); }),
        addShortcut(tr("Skip"), {QKeySequence(QStringLiteral("Ctrl+Shift+K"))}, tasks, [s] { s->skipTask(); }),
        addShortcut(tr("Pause"), {QKeySequence(QStringLiteral("Ctrl+Shift+P"))}, tasks, [s] { s->togglePause(); }),
        addShortcut(tr("Marker"), {QKeySequence(QStringLiteral("Ctrl+Shift+M"))}, tasks, [this] { m_tasks->askMarker(); }),
    };
    actions.start->setProperty("help", tr("Start the task (the clock runs)"));
    actions.done->setProperty("help", tr("Done: the goal is reached"));
    actions.failed->setProperty("help", tr("Failed: finished, goal not reached"));
    actions.gaveUp->setProperty("help", tr("Give up"));
    actions.skip->setProperty("help", tr("Skip the task"));
    actions.pause->setProperty("help", tr("Pause or resume (the clock stops)"));
    actions.marker->setProperty("help", tr("Mark a moment with a few words"));
    actions.start->setToolTip(tr("Start the clock on this task (Ctrl+Return)"));
    actions.done->setToolTip(tr("You reached the goal (Ctrl+Shift+D)"));
    actions.failed->setToolTip(tr("You finished, but the goal was not reached (Ctrl+Shift+F)"));
    actions.gaveUp->setToolTip(tr("You stop trying (Ctrl+Shift+G)"));
    actions.skip->setToolTip(tr("Leave this task out (Ctrl+Shift+K)"));
    actions.pause->setToolTip(tr("Stop the clock for a break (Ctrl+Shift+P)"));
    actions.marker->setToolTip(tr("Mark a moment with a few words (Ctrl+Shift+M)"));

    m_tasks = new TaskPanel(s, actions, this);
    auto *taskFrame = new QFrame(this);
    taskFrame->setFrameShape(QFrame::StyledPanel);
    auto *taskLayout = new QVBoxLayout(taskFrame);
    taskLayout->setContentsMargins(10, 8, 10, 8);
    taskLayout->addWidget(m_tasks);

    if (docsSource) {
        const QString labPath = s->labPath();
        m_docs = new DocsPanel(s, docsIndexPath(labPath), docsClonesDir(labPath), *docsSource, s->session().docsRevision, this);
        connect(s, &BenchSession::aboutToChangeState, m_docs, &DocsPanel::flushPendingSearch);
    }

    m_work = new QWidget(this);
    auto *workLayout = new QVBoxLayout(m_work);
    workLayout->setContentsMargins(0, 0, 0, 0);
    if (m_docs) {
        auto *splitter = new QSplitter(Qt::Vertical, m_work);
        splitter->addWidget(taskFrame);
        splitter->addWidget(m_docs);
        splitter->setStretchFactor(0, 0);
        splitter->setStretchFactor(1, 1);
        splitter->setChildrenCollapsible(false);
        workLayout->addWidget(splitter);
    } else {
        workLayout->addWidget(taskFrame);
    }

    m_seq = new SeqQuestion(this);
    m_sus = new SusQuestionnaire(this);
    m_thanks = new ThankYouPage(this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_work);
    m_pages->addWidget(m_seq);
    m_pages->addWidget(m_sus);
    m_pages->addWidget(m_thanks);

    m_notes = new NoteBar(s, this);
    if (m_docs) {
        m_notes->setReadingProvider([this] {
            return NoteBar::Reading{m_docs->currentPage(), m_docs->currentAnchor(), m_docs->readingDescription()};
        });
        connect(m_docs, &DocsPanel::readingChanged, m_notes, &NoteBar::updateReading);
    }
    auto *noteFrame = new QFrame(this);
    noteFrame->setFrameShape(QFrame::StyledPanel);
    m_noteFrame = noteFrame;
    auto *noteLayout = new QVBoxLayout(noteFrame);
    noteLayout->setContentsMargins(10, 6, 10, 6);
    noteLayout->addWidget(m_notes);
    // Why the last thing was not recorded (a full disk, a read-only lab), in
    // full and until something is recorded again: the status bar cuts it off.
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("benchProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: #a11;"));
    m_problem->hide();
    noteLayout->addWidget(m_problem);

    // Header: who and what, stay on top, help.
    m_title = new QLabel(tr("<b>%1</b> \u00b7 %2").arg(s->session().pseudonym.toHtmlEscaped(), s->session().planTitle.toHtmlEscaped()), this);
    m_onTop = addShortcut(tr("Stay on top"), {QKeySequence(QStringLiteral("Ctrl+T"))}, tr("Window"), [] {});
    m_onTop->setCheckable(true);
    m_onTop->setToolTip(tr("Keep this window above your terminal and browser (Ctrl+T)"));
    connect(m_onTop, &QAction::toggled, this, &BenchWindow::setStayOnTop);
    auto *onTopButton = new QToolButton(this);
    onTopButton->setDefaultAction(m_onTop);
    QAction *help = addShortcut(tr("Keyboard shortcuts"), {QKeySequence(Qt::Key_F1)}, tr("Window"), [this] { m_overlay->toggle(); });
    auto *helpButton = new QToolButton(this);
    helpButton->setDefaultAction(help);
    helpButton->setText(tr("Shortcuts (F1)"));
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(onTopButton);
    header->addWidget(helpButton);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_noteFrame);
    setCentralWidget(central);
    m_overlay = new ShortcutsOverlay(central);

    const QString notes = tr("Notes");
    addShortcut(tr("Write a friction note"), {QKeySequence(Qt::Key_F2), QKeySequence(QStringLiteral("Ctrl+Shift+N"))}, notes,
                [this] { m_notes->activate(); }, Qt::ApplicationShortcut);
    if (m_docs) {
        const QString docs = tr("Docs");
        addShortcut(tr("Search the docs"), {QKeySequence(QStringLiteral("Ctrl+F"))}, docs, [this] { m_docs->focusSearch(); });
        addShortcut(tr("I read this elsewhere: paste a docs address"), {QKeySequence(QStringLiteral("Ctrl+L"))}, docs,
                    [this] { m_docs->focusUrl(); });
        addShortcut(tr("Back to the previous page"), {QKeySequence(QStringLiteral("Alt+Left"))}, docs, [this] { m_docs->goBack(); });
        addShortcut(tr("Open the page on the docs site"), {QKeySequence(QStringLiteral("Ctrl+Shift+O"))}, docs, [this] { m_docs->openOnSite(); });
    }
    addShortcut(tr("End the session now"), {QKeySequence(QStringLiteral("Ctrl+Shift+E"))}, tr("Window"), [this] { endEarly(); });
    buildShortcutsHelp();

    connect(s, &BenchSession::taskEnded, this,
            [this](qint64 attempt, store::Outcome outcome, const QString &title) { onTaskEnded(attempt, int(outcome), title); });
    connect(s, &BenchSession::recorded, this, [this](const QString &what) {
        m_problem->hide();
        statusBar()->showMessage(what, 4000);
    });
    connect(s, &BenchSession::problem, this, [this](const QString &message) {
        m_problem->setText(tr("Not recorded: %1").arg(message));
        m_problem->show();
        statusBar()->showMessage(tr("Not recorded: see the message above"), 10000);
    });
    connect(m_seq, &SeqQuestion::answered, this, [this](int value) {
        if (m_session->answerSeq(m_seqAttempt, value))
            advance();
    });
    connect(m_sus, &SusQuestionnaire::answered, this, [this](const QList<int> &answers) {
        if (m_session->answerSus(answers))
            finish();
    });
    connect(m_thanks, &ThankYouPage::closeRequested, this, &QWidget::close);

    statusBar()->setSizeGripEnabled(false); // there from the start: the layout must not jump at the first message
    // Without docs the bench is only the task and the note: a small window.
    resize(620, m_docs ? 880 : sizeHint().height());
    if (s->resumedGapMs()) {
        statusBar()->showMessage(tr("Resumed: the %1 the bench was gone is recorded as a gap, not as work on the task.")
                                     .arg(formatActiveTime(*s->resumedGapMs())),
                                 20000);
    }
    // A session resumed after its last task goes on with what is left.
    if (!s->isOpen())
        finish();
    else if (!s->hasTaskLeft() && !s->openAttempt())
        showSus();
}

BenchWindow::~BenchWindow()
{
    // The panels hold the session, which as a member dies before the
    // children: they go first (the docs panel records what it holds).
    delete takeCentralWidget();
    m_docs = nullptr;
}

QAction *BenchWindow::addShortcut(const QString &text, const QList<QKeySequence> &keys, const QString &help,
                                  const std::function<void()> &fn, Qt::ShortcutContext context)
{
    auto *action = new QAction(text, this);
    action->setShortcuts(keys);
    action->setShortcutContext(context);
    connect(action, &QAction::triggered, this, fn);
    addAction(action);
    m_helpActions.append({help, action});
    return action;
}

void BenchWindow::buildShortcutsHelp()
{
    QList<ShortcutGroup> groups;
    const auto groupFor = [&groups](const QString &title) -> ShortcutGroup & {
        for (ShortcutGroup &g : groups) {
            if (g.title == title)
                return g;
        }
        groups.append({title, {}});
        return groups.last();
    };
    for (const QString &title : {tr("Tasks"), tr("Notes"), tr("Docs"), tr("Questions"), tr("Window")})
        groupFor(title);
    for (const auto &[title, action] : std::as_const(m_helpActions)) {
        QStringList keys;
        for (const QKeySequence &k : action->shortcuts()) {
            // The keypad's Enter doubles Return: one name is enough to read.
            if (k[0].key() != Qt::Key_Enter)
                keys << k.toString(QKeySequence::NativeText);
        }
        QString what = action->property("help").toString();
        if (what.isEmpty())
            what = action->text().remove(QLatin1Char('&'));
        groupFor(title).keys.append({keys.join(tr(" or ")), what});
    }
    ShortcutGroup &notes = groupFor(tr("Notes"));
    notes.keys.append({tr("Enter / Esc"), tr("Save the note / go back without saving")});
    notes.keys.append({tr("Alt+1 … Alt+4"), tr("Severity: 1 cosmetic, 2 slowed me down, 3 blocked for a while, 4 could not continue")});
    for (const capture::NoteCategory &c : capture::noteCategories())
        notes.keys.append({QStringLiteral("Alt+%1").arg(c.key.toUpper()), tr("Category: %1").arg(c.label)});
    notes.keys.append({QStringLiteral("Alt+S"), tr("Attach a screenshot of your screen")});
    ShortcutGroup &questions = groupFor(tr("Questions"));
    questions.keys.append({tr("1 … 7, Enter"), tr("Answer how easy the task was, then submit")});
    questions.keys.append({tr("1 … 5"), tr("Answer a closing statement and go to the next one")});
    groupFor(tr("Window")).keys.append({QStringLiteral("?"), tr("This list (when not typing)")});
    m_overlay->setGroups(groups);
}

void BenchWindow::setStayOnTop(bool on)
{
    if (m_onTop->isChecked() != on)
        m_onTop->setChecked(on);
    if (bool(windowFlags() & Qt::WindowStaysOnTopHint) == on)
        return;
    const bool visible = isVisible();
    QWidget *focus = focusWidget();
    setWindowFlag(Qt::WindowStaysOnTopHint, on);
    if (!visible)
        return;
    show(); // changing a window flag hides the window
    activateWindow();
    if (focus)
        focus->setFocus(Qt::OtherFocusReason); // typing goes on where it was
}

void BenchWindow::onTaskEnded(qint64 attemptId, int outcome, const QString &title)
{
    if (Outcome(outcome) == Outcome::Skipped) {
        advance();
        return;
    }
    m_seqAttempt = attemptId;
    m_pages->setCurrentWidget(m_seq); // visible first: ask() gives it the focus
    m_seq->ask(title, outcomeLabel(Outcome(outcome)));
}

void BenchWindow::advance()
{
    if (m_finishing || !m_session->hasTaskLeft()) {
        showSus();
        return;
    }
    m_pages->setCurrentWidget(m_work);
    m_tasks->setFocus(Qt::OtherFocusReason);
}

void BenchWindow::showSus()
{
    m_pages->setCurrentWidget(m_sus);
    m_sus->ask();
}

void BenchWindow::finish()
{
    if (m_docs) {
        m_docs->flushPendingSearch();
        m_docs->leavePage();
    }
    m_session->end();
    m_pages->setCurrentWidget(m_thanks);
    m_thanks->present(m_session->summary());
    m_noteFrame->hide();
}

void BenchWindow::endEarly()
{
    if (!m_session->isOpen() || m_pages->currentWidget() == m_sus || m_pages->currentWidget() == m_thanks)
        return;
    if (!m_confirm(tr("End the session now? A task in progress is recorded as given up, then come the closing questions.")))
        return;
    m_finishing = true;
    if (m_session->openAttempt())
        m_session->endTask(Outcome::GaveUp); // its ease question comes first
    else if (m_pages->currentWidget() != m_seq)
        showSus();
}

void BenchWindow::closeEvent(QCloseEvent *event)
{
    // The session stays open: closing the bench is not ending the session
    // (it can be resumed). What the docs panel holds is recorded now.
    if (m_docs) {
        m_docs->flushPendingSearch();
        m_docs->leavePage();
    }
    event->accept();
}

void BenchWindow::keyPressEvent(QKeyEvent *event)
{
    // "?" reaches the window only when no text field took it.
    if (event->key() == Qt::Key_Question) {
        m_overlay->toggle();
        return;
    }
    QMainWindow::keyPressEvent(event);
}

} // namespace devzero::ui
