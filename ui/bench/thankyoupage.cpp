#include "ui/bench/thankyoupage.h"

#include "ui/bench/benchsession.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace devzero::ui {

ThankYouPage::ThankYouPage(QWidget *parent) : QWidget(parent), m_text(new QLabel(this)), m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("thankYou"));
    m_text->setObjectName(QStringLiteral("thankYouText"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_text);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    connect(m_close, &QPushButton::clicked, this, &ThankYouPage::closeRequested);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_close, 0, Qt::AlignRight);
}

void ThankYouPage::present(const SessionSummary &summary)
{
    QString rows;
    for (const TaskSummary &t : summary.tasks) {
        // Tasks left out are greyed: what the tester did stands out.
        const QString cell = t.outcome ? QStringLiteral("<td%1>") : QStringLiteral("<td style=\"color:#80868b\"%1>");
        rows += QStringLiteral("<tr>") + cell.arg(QString()) + t.number.toHtmlEscaped() + QStringLiteral("&nbsp;&nbsp;")
            + t.title.toHtmlEscaped() + QStringLiteral("</td>") + cell.arg(QString())
            + (t.outcome ? outcomeLabel(*t.outcome) : tr("not attempted")) + QStringLiteral("</td>")
            + cell.arg(QStringLiteral(" align=\"right\"")) + (t.activeMs ? formatActiveTime(*t.activeMs) : QStringLiteral("\u2013"))
            + QStringLiteral("</td>") + cell.arg(QStringLiteral(" align=\"center\""))
            + (t.seq ? QString::number(*t.seq) : QStringLiteral("\u2013")) + QStringLiteral("</td></tr>");
    }
    m_text->setText(
        tr("<h2>Thank you, %1!</h2>"
           "<p style=\"margin-bottom:10px\">Your session on “%2” is recorded. What you found hard is exactly what the platform team "
           "needs to hear.</p>"
           "<table cellspacing=\"0\" cellpadding=\"5\" border=\"0\" width=\"100%\">"
           "<tr style=\"background-color:#eef1f5\"><th align=\"left\">Task</th><th align=\"left\">Outcome</th>"
           "<th align=\"right\">Active time</th><th align=\"center\">Ease (1-7)</th></tr>%3</table>"
           "<p style=\"margin-top:12px\">Active time in total: <b>%4</b><br>Friction notes: <b>%5</b><br>Docs pages opened: <b>%6</b>, "
           "searches: <b>%7</b>, shell commands: <b>%8</b></p>"
           "<p>You can close this window now.</p>")
            // One pass: a "%5" in a task title stays as typed.
            .arg(summary.pseudonym.toHtmlEscaped(), summary.planTitle.toHtmlEscaped(), rows, formatActiveTime(summary.activeMs),
                 QString::number(summary.notes), QString::number(summary.lookups), QString::number(summary.searches),
                 QString::number(summary.commands)));
    m_close->setFocus(Qt::OtherFocusReason);
}

QString ThankYouPage::text() const
{
    return m_text->text();
}

} // namespace devzero::ui
