#include "ui/bench/notebar.h"

#include "sessions/capture/notecategory.h"
#include "ui/bench/benchsession.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QtConcurrent>

namespace devzero::ui {

namespace {

QByteArray encodePng(const QImage &image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

NoteBar::NoteBar(BenchSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_line(new QLineEdit(this)), m_severity(new QComboBox(this)),
      m_category(new QComboBox(this)), m_screenshot(new QCheckBox(tr("Screenshot  (Alt+S)"), this)), m_about(new QLabel(this))
{
    setObjectName(QStringLiteral("noteBar"));
    m_line->setObjectName(QStringLiteral("noteLine"));
    m_line->setPlaceholderText(tr("What got in your way? (F2 or Ctrl+Shift+N, Enter saves)"));
    m_line->installEventFilter(this);
    auto *saveButton = new QPushButton(tr("Save note"), this);
    connect(saveButton, &QPushButton::clicked, this, &NoteBar::save);
    connect(m_line, &QLineEdit::returnPressed, this, &NoteBar::save);

    m_severity->setObjectName(QStringLiteral("noteSeverity"));
    for (int s = 1; s <= 4; ++s)
        m_severity->addItem(QStringLiteral("%1 %2  (Alt+%1)").arg(s).arg(capitalised(capture::severityLabel(s))), s);
    m_severity->setCurrentIndex(1);
    m_category->setObjectName(QStringLiteral("noteCategory"));
    for (const capture::NoteCategory &c : capture::noteCategories()) {
        m_category->addItem(QStringLiteral("%1  (Alt+%2)").arg(c.label, c.key.toUpper()), c.id);
        m_category->setItemData(m_category->count() - 1, c.description, Qt::ToolTipRole);
    }
    m_category->setCurrentIndex(m_category->findData(QStringLiteral("other")));
    m_screenshot->setObjectName(QStringLiteral("noteScreenshot"));
    m_screenshot->setToolTip(tr("Save a picture of your screen with the note (Alt+S)"));
    m_about->setObjectName(QStringLiteral("noteAbout"));
    m_about->setWordWrap(true);
    m_about->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));

    // The keys work while the note bar has the focus: typing stays typing.
    for (int s = 1; s <= 4; ++s) {
        auto *shortcut = new QShortcut(QKeySequence(QStringLiteral("Alt+%1").arg(s)), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, s] { m_severity->setCurrentIndex(s - 1); });
    }
    for (const capture::NoteCategory &c : capture::noteCategories()) {
        auto *shortcut = new QShortcut(QKeySequence(QStringLiteral("Alt+%1").arg(c.key.toUpper())), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        const QString id = c.id;
        connect(shortcut, &QShortcut::activated, this, [this, id] { m_category->setCurrentIndex(m_category->findData(id)); });
    }

    auto *screenshotKey = new QShortcut(QKeySequence(QStringLiteral("Alt+S")), this);
    screenshotKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(screenshotKey, &QShortcut::activated, m_screenshot, &QCheckBox::toggle);

    m_grab = [this] {
        QScreen *screen = window()->screen() ? window()->screen() : QGuiApplication::primaryScreen();
        return screen ? screen->grabWindow(0).toImage() : QImage();
    };

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Note:"), this);
    label->setBuddy(m_line);
    layout->addWidget(label, 0, 0);
    layout->addWidget(m_line, 0, 1, 1, 3);
    layout->addWidget(saveButton, 0, 4);
    layout->addWidget(m_severity, 1, 1);
    layout->addWidget(m_category, 1, 2);
    layout->addWidget(m_screenshot, 1, 3, 1, 2);
    layout->addWidget(m_about, 2, 1, 1, 4);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(2, 1);
    updateReading();
}

void NoteBar::setReadingProvider(ReadingProvider provider)
{
    m_reading = std::move(provider);
    updateReading();
}

void NoteBar::updateReading()
{
    // Without a docs panel there is nothing to attach a note to.
    m_about->setVisible(bool(m_reading));
    const Reading reading = m_reading ? m_reading() : Reading{};
    m_about->setText(reading.page.isEmpty() ? tr("Not attached to a docs page: open one in the docs panel to attach the note to it.")
                                            : tr("About: %1  (%2)").arg(reading.description, reading.page));
}

void NoteBar::activate()
{
    QWidget *focus = QApplication::focusWidget();
    if (focus && !isAncestorOf(focus))
        m_previousFocus = focus;
    updateReading();
    m_line->setFocus(Qt::ShortcutFocusReason);
}

void NoteBar::giveFocusBack()
{
    if (m_previousFocus && m_previousFocus->isVisible())
        m_previousFocus->setFocus(Qt::OtherFocusReason);
}

void NoteBar::save()
{
    if (m_saving)
        return;
    if (m_line->text().trimmed().isEmpty()) {
        m_line->setPlaceholderText(tr("Type what got in your way first, then Enter"));
        return;
    }
    m_pendingReading = m_reading ? m_reading() : Reading{};
    if (!m_screenshot->isChecked() || !m_grab) {
        record({});
        return;
    }
    // Grabbing is quick; encoding a large screen as PNG is not: a worker does it.
    const QImage image = m_grab();
    if (image.isNull()) {
        record({});
        m_about->setText(tr("The screen could not be captured here, so the note was saved without a screenshot."));
        return;
    }
    m_saving = true;
    m_line->setEnabled(false);
    auto *watcher = new QFutureWatcher<QByteArray>(this);
    connect(watcher, &QFutureWatcher<QByteArray>::finished, this, [this, watcher] {
        const QByteArray png = watcher->result();
        watcher->deleteLater();
        m_saving = false;
        m_line->setEnabled(true);
        record(png);
    });
    watcher->setFuture(QtConcurrent::run(encodePng, image));
}

void NoteBar::record(const QByteArray &png)
{
    capture::NoteInput note;
    note.text = m_line->text();
    note.severity = m_severity->currentData().toInt();
    note.category = m_category->currentData().toString();
    note.page = m_pendingReading.page;
    note.anchor = m_pendingReading.anchor;
    note.screenshotPng = png;
    if (!m_session->note(note))
        return; // the window shows the problem; the text stays for another try
    m_line->clear();
    m_severity->setCurrentIndex(1);
    m_category->setCurrentIndex(m_category->findData(QStringLiteral("other")));
    m_screenshot->setChecked(false);
    emit saved();
    giveFocusBack();
}

bool NoteBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_line && event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        giveFocusBack();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace devzero::ui
