#pragma once

// The quick friction note: one line, Enter saves. Severity (Alt+1..4) and
// category (Alt + the category's key) are set from the keyboard; the note is
// attached to the docs page and section being read; an optional screenshot
// of the screen is taken at the moment the note is saved.

#include <QImage>
#include <QPointer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace devzero::ui {

class BenchSession;

class NoteBar : public QWidget
{
    Q_OBJECT
public:
    struct Reading {
        QString page;
        QString anchor;
        QString description; // shown to the tester: "Getting started › Install the CLI"
    };
    using ReadingProvider = std::function<Reading()>;
    using ScreenGrabber = std::function<QImage()>; // a seam: tests grab without a screen

    explicit NoteBar(BenchSession *session, QWidget *parent = nullptr);

    void setReadingProvider(ReadingProvider provider);
    void setScreenGrabber(ScreenGrabber grabber) { m_grab = std::move(grabber); }

    QLineEdit *line() const { return m_line; }
    QComboBox *severity() const { return m_severity; }
    QComboBox *category() const { return m_category; }
    QCheckBox *screenshot() const { return m_screenshot; }
    bool isSaving() const { return m_saving; }

public slots:
    // Focuses the line; Enter saves and Esc leave it for where the tester was.
    void activate();
    void updateReading();
    void save();

signals:
    void saved();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void record(const QByteArray &png);
    void giveFocusBack();

    BenchSession *m_session;
    QLineEdit *m_line;
    QComboBox *m_severity;
    QComboBox *m_category;
    QCheckBox *m_screenshot;
    QLabel *m_about;
    ReadingProvider m_reading;
    ScreenGrabber m_grab;
    QPointer<QWidget> m_previousFocus;
    Reading m_pendingReading;
    bool m_saving = false;
};

} // namespace devzero::ui
