#pragma once

// The app's settings, kept with QSettings: the lab to open, host patterns
// that count as internal (links testers cannot follow), and whether the
// tester's bench stays on top of other windows.
//
// Hooking it in (MainWindow, e.g. a "Settings..." action in the Lab menu):
//   SettingsDialog dialog(this);
//   if (dialog.exec() == QDialog::Accepted && dialog.settings().labPath != labPath())
//       openLab(dialog.settings().labPath);
// Readers elsewhere: AppSettings::load().benchAlwaysOnTop, .internalHosts.

#include <QDialog>
#include <QString>
#include <QStringList>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace devzero::ui {

struct AppSettings
{
    QString labPath;            // empty: the default lab ($DEVZERO_LAB or the data folder)
    QStringList internalHosts;  // "*.corp.example.com", "wiki.example.internal", "10.0.0.0/8"
    bool benchAlwaysOnTop = true;

    // QSettings keys, so other panels read the same values.
    static constexpr const char *kLabPath = "lab/path";
    static constexpr const char *kInternalHosts = "analysis/internalHosts";
    static constexpr const char *kBenchAlwaysOnTop = "bench/alwaysOnTop";

    static AppSettings load();
    void save() const;
    bool operator==(const AppSettings &) const = default;
};

// Why a host pattern cannot be used, or an empty string when it can: a host
// name, "*." before a host name (one or more labels), an IPv4 address or
// IPv4 CIDR range, optionally with a port.
QString hostPatternProblem(const QString &pattern);

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    SettingsDialog(const AppSettings &initial, QWidget *parent);

    // What the fields say now (saved by accept()).
    AppSettings settings() const;
    // The first problem in the fields, empty when they can be saved.
    QString problem() const;

public slots:
    void accept() override;

private:
    void validate();
    void browseLab();

    QLineEdit *m_labPath;
    QPlainTextEdit *m_hosts;
    QCheckBox *m_onTop;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace devzero::ui
