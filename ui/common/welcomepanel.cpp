#include "ui/common/welcomepanel.h"

#include "sessions/demo/demolab.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "sessions/store/sessionstore.h"

#include <QDir>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace devzero::ui {

namespace {

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

} // namespace

WelcomePanel::WelcomePanel(QWidget *parent)
    : QWidget(parent)
    , m_demoLabPath(defaultDemoLabPath())
    , m_demoButton(new QPushButton(tr("Try the demo"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("welcomePanel"));

    auto *title = new QLabel(tr("Welcome to Developer Zero Lab"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *intro = wrappedLabel(
        tr("Your platform's docs rest on things insiders no longer see. Run outsider engineers "
           "through onboarding sessions, record where they stumble, and learn which docs pages to fix first."),
        this);
    QFont introFont = intro->font();
    introFont.setPointSizeF(introFont.pointSizeF() * 1.15);
    intro->setFont(introFont);

    auto *roles = new QHBoxLayout;
    roles->setSpacing(16);
    roles->addWidget(roleCard(QStringLiteral("roleTester"), tr("Tester"),
                              tr("Gets goals, never steps, and works in their own terminal and browser."),
                              tr("Records friction in seconds: the bench window, its shortcuts, or <tt>devzero note</tt>.")));
    roles->addWidget(roleCard(QStringLiteral("rolePlatformTeam"), tr("Platform team"),
                              tr("Reads outcomes per customer journey: task success, time on task, ease scores."),
                              tr("Compares sessions before and after a docs change, and exports the report.")));
    roles->addWidget(roleCard(QStringLiteral("roleDocsOwner"), tr("Docs owner"),
                              tr("Gets the pages ranked by evidence, with the exact lines and who owns them."),
                              tr("Marks a problem fixed; the next session retests it.")));

    m_demoButton->setObjectName(QStringLiteral("tryDemoButton"));
    m_demoButton->setDefault(true);
    m_demoButton->setMinimumHeight(36);
    m_demoButton->setMinimumWidth(160);
    QFont buttonFont = m_demoButton->font();
    buttonFont.setBold(true);
    m_demoButton->setFont(buttonFont);
    connect(m_demoButton, &QPushButton::clicked, this, &WelcomePanel::startDemo);

    auto *openButton = new QPushButton(tr("Open Lab..."), this);
    openButton->setObjectName(QStringLiteral("openLabButton"));
    openButton->setMinimumHeight(36);
    openButton->setMinimumWidth(120);
    connect(openButton, &QPushButton::clicked, this, &WelcomePanel::openLabRequested);
    auto *newButton = new QPushButton(tr("New Lab..."), this);
    newButton->setObjectName(QStringLiteral("newLabButton"));
    newButton->setMinimumHeight(36);
    newButton->setMinimumWidth(120);
    connect(newButton, &QPushButton::clicked, this, &WelcomePanel::newLabRequested);

    auto *demoText = wrappedLabel(
        tr("<b>New here?</b> The demo creates a lab with the docs of Paylark, a made-up payments platform, "
           "and eight recorded onboarding sessions, so review and triage have something real to show. "
           "It takes a few seconds."),
        this);

    m_progress->setRange(0, 0); // busy: creating the demo has no meaningful percentage
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();
    m_status->setObjectName(QStringLiteral("welcomeStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(10);
    buttons->addWidget(m_demoButton);
    buttons->addWidget(openButton);
    buttons->addWidget(newButton);
    buttons->addStretch(1);

    // The demo is the first thing to try: it sits in a tinted box of its own.
    auto *demoBox = new QFrame(this);
    demoBox->setObjectName(QStringLiteral("demoBox"));
    demoBox->setAutoFillBackground(true);
    QPalette tint = demoBox->palette();
    QColor accent = tint.color(QPalette::Highlight);
    accent.setAlphaF(0.10);
    QColor background = tint.color(QPalette::Window);
    background = QColor::fromRgbF(background.redF() * (1 - accent.alphaF()) + accent.redF() * accent.alphaF(),
                                  background.greenF() * (1 - accent.alphaF()) + accent.greenF() * accent.alphaF(),
                                  background.blueF() * (1 - accent.alphaF()) + accent.blueF() * accent.alphaF());
    tint.setColor(QPalette::Window, background);
    demoBox->setPalette(tint);
    auto *demoLayout = new QVBoxLayout(demoBox);
    demoLayout->setContentsMargins(18, 16, 18, 16);
    demoLayout->setSpacing(12);
    demoLayout->addWidget(demoText);
    demoLayout->addLayout(buttons);
    demoLayout->addWidget(m_progress);
    demoLayout->addWidget(m_status);

    auto *column = new QVBoxLayout;
    column->setSpacing(14);
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(8);
    column->addLayout(roles);
    column->addSpacing(12);
    column->addWidget(demoBox);

    // A readable measure on wide windows: the content keeps to ~900 px, centred.
    auto *content = new QWidget(this);
    content->setLayout(column);
    content->setMaximumWidth(920);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(content, 100);
    row->addStretch(1);
    // Slightly above the middle, where the eye lands first.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(32, 24, 32, 24);
    outer->addStretch(2);
    outer->addLayout(row);
    outer->addStretch(3);

    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &WelcomePanel::demoFinished);
}

WelcomePanel::~WelcomePanel()
{
    // The worker writes into files this panel named: let it finish first.
    m_watcher.waitForFinished();
}

QWidget *WelcomePanel::roleCard(const QString &objectName, const QString &role, const QString &job, const QString &where)
{
    auto *card = new QFrame(this);
    card->setObjectName(objectName);
    card->setFrameShape(QFrame::StyledPanel);
    card->setAutoFillBackground(true);
    QPalette pal = card->palette();
    pal.setColor(QPalette::Window, pal.color(QPalette::Base));
    card->setPalette(pal);

    auto *heading = new QLabel(role, card);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    heading->setFont(headingFont);

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(16, 14, 16, 16);
    layout->setSpacing(8);
    layout->addWidget(heading);
    layout->addWidget(wrappedLabel(job, card));
    auto *whereLabel = wrappedLabel(where, card);
    QPalette muted = whereLabel->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    whereLabel->setPalette(muted);
    layout->addWidget(whereLabel);
    layout->addStretch(1);
    return card;
}

QString WelcomePanel::defaultDemoLabPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-lab.sqlite");
}

bool WelcomePanel::labIsEmpty(LabDatabase &lab)
{
    Result<QList<store::PlanRow>> plans = store::PlanStore(lab).plans();
    Result<QList<store::SessionRow>> sessions = store::SessionStore(lab).sessions();
    return plans && sessions && plans->isEmpty() && sessions->isEmpty();
}

void WelcomePanel::startDemo()
{
    if (m_watcher.isRunning())
        return;
    m_demoButton->setEnabled(false);
    m_progress->show();
    m_status->setText(tr("Creating the demo lab in %1 ...").arg(QDir::toNativeSeparators(m_demoLabPath)));
    m_status->show();
    const QString path = m_demoLabPath;
    m_watcher.setFuture(QtConcurrent::run([path]() -> Outcome {
        demo::DemoOptions options;
        options.labPath = path;
        options.force = true; // this lab is the app's own demo lab: replacing it is the point
        Result<demo::DemoSummary> created = demo::createDemoLab(options);
        if (!created)
            return {path, created.error().toString()};
        return {created->labPath, {}};
    }));
}

void WelcomePanel::demoFinished()
{
    const Outcome outcome = m_watcher.result();
    m_demoButton->setEnabled(true);
    m_progress->hide();
    if (!outcome.error.isEmpty()) {
        m_status->setText(tr("The demo lab could not be created: %1").arg(outcome.error));
        m_status->show();
        emit demoLabFailed(outcome.error);
        return;
    }
    m_status->clear();
    m_status->hide();
    emit demoLabReady(outcome.labPath);
}

} // namespace devzero::ui
