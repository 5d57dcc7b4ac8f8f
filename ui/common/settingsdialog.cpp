#include "ui/common/settingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QVBoxLayout>

namespace devzero::ui {

AppSettings AppSettings::load()
{
    QSettings s;
    AppSettings a;
    a.labPath = s.value(QLatin1String(kLabPath)).toString();
    a.internalHosts = s.value(QLatin1String(kInternalHosts)).toStringList();
    a.benchAlwaysOnTop = s.value(QLatin1String(kBenchAlwaysOnTop), true).toBool();
    return a;
}

void AppSettings::save() const
{
    QSettings s;
    s.setValue(QLatin1String(kLabPath), labPath);
    s.setValue(QLatin1String(kInternalHosts), internalHosts);
    s.setValue(QLatin1String(kBenchAlwaysOnTop), benchAlwaysOnTop);
}

namespace {

bool isIpv4(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        bool ok = false;
        const int value = part.toInt(&ok);
        if (!ok || part.isEmpty() || part.size() > 3 || value < 0 || value > 255)
            return false;
    }
    return true;
}

} // namespace

QString hostPatternProblem(const QString &pattern)
{
    QString host = pattern.trimmed();
    if (host.isEmpty())
        return QObject::tr("empty pattern");
    if (host.contains(QLatin1String("://")))
        return QObject::tr("give the host only, without http:// or a path");
    if (host.contains(QLatin1Char('/'))) {
        bool ok = false;
        const int bits = host.section(QLatin1Char('/'), 1).toInt(&ok);
        if (!isIpv4(host.section(QLatin1Char('/'), 0, 0)) || !ok || bits < 0 || bits > 32)
            return QObject::tr("not an IPv4 range such as 10.0.0.0/8");
        return {};
    }
    static const QRegularExpression port(QStringLiteral(":\\d{1,5}$"));
    host.remove(port);
    if (isIpv4(host))
        return {};
    if (host.startsWith(QLatin1String("*.")))
        host = host.mid(2);
    static const QRegularExpression name(
        QStringLiteral("^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    if (!name.match(host).hasMatch())
        return QObject::tr("not a host name: use letters, digits, dots and hyphens, with an optional leading *.");
    return {};
}

SettingsDialog::SettingsDialog(QWidget *parent) : SettingsDialog(AppSettings::load(), parent) {}

SettingsDialog::SettingsDialog(const AppSettings &initial, QWidget *parent)
    : QDialog(parent)
    , m_labPath(new QLineEdit(initial.labPath, this))
    , m_hosts(new QPlainTextEdit(initial.internalHosts.join(QLatin1Char('\n')), this))
    , m_onTop(new QCheckBox(tr("Keep the tester's bench on top of other windows"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    m_labPath->setObjectName(QStringLiteral("labPathEdit"));
    m_labPath->setPlaceholderText(tr("Default: $DEVZERO_LAB, else lab.sqlite in your data folder"));
    m_labPath->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseLab);
    auto *labRow = new QHBoxLayout;
    labRow->addWidget(m_labPath, 1);
    labRow->addWidget(browse);

    m_hosts->setObjectName(QStringLiteral("internalHostsEdit"));
    m_hosts->setPlaceholderText(QStringLiteral("*.corp.example.com\nwiki.example.internal\n10.0.0.0/8"));
    m_hosts->setTabChangesFocus(true);
    m_hosts->setMinimumHeight(90);
    m_hosts->setMaximumHeight(130);
    auto *hostsHelp = new QLabel(tr("One per line. Links to these hosts are flagged as internal: testers "
                                    "outside your company cannot open them. Localhost and private "
                                    "address ranges are always internal."),
                                 this);
    hostsHelp->setWordWrap(true);
    QPalette muted = hostsHelp->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    hostsHelp->setPalette(muted);

    m_onTop->setObjectName(QStringLiteral("benchOnTopCheck"));
    m_onTop->setChecked(initial.benchAlwaysOnTop);

    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setWordWrap(true);
    QPalette warn = m_problem->palette();
    warn.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_problem->setPalette(warn);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setVerticalSpacing(12);
    form->addRow(tr("Lab file:"), labRow);
    auto *hostsColumn = new QVBoxLayout;
    hostsColumn->setSpacing(6);
    hostsColumn->addWidget(m_hosts);
    hostsColumn->addWidget(hostsHelp);
    form->addRow(tr("Internal hosts:"), hostsColumn);
    form->addRow(tr("Bench:"), m_onTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    // Grows when the problem line appears, so nothing is ever clipped.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_labPath, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_hosts, &QPlainTextEdit::textChanged, this, &SettingsDialog::validate);
    setMinimumWidth(560);
    validate();
}

AppSettings SettingsDialog::settings() const
{
    AppSettings a;
    a.labPath = m_labPath->text().trimmed();
    for (const QString &line : m_hosts->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            a.internalHosts << line.trimmed();
    }
    a.benchAlwaysOnTop = m_onTop->isChecked();
    return a;
}

QString SettingsDialog::problem() const
{
    const AppSettings a = settings();
    if (!a.labPath.isEmpty()) {
        const QFileInfo info(a.labPath);
        if (info.isDir())
            return tr("Lab file: %1 is a folder; choose a file in it, e.g. lab.sqlite").arg(a.labPath);
        if (!info.isAbsolute())
            return tr("Lab file: give the full path");
    }
    const QStringList lines = m_hosts->toPlainText().split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        const QString why = hostPatternProblem(lines.at(i));
        if (!why.isEmpty())
            return tr("Internal hosts, line %1 (%2): %3").arg(i + 1).arg(lines.at(i).trimmed(), why);
    }
    return {};
}

void SettingsDialog::validate()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

void SettingsDialog::accept()
{
    if (!problem().isEmpty())
        return;
    settings().save();
    QDialog::accept();
}

void SettingsDialog::browseLab()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Lab File"), m_labPath->text(), tr("Labs (*.sqlite)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_labPath->setText(path);
}

} // namespace devzero::ui
