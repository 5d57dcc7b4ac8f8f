#include "ui/bench/seqquestion.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace devzero::ui {

QString SeqQuestion::questionText()
{
    return tr("Overall, how difficult or easy was the task to complete?");
}

SeqQuestion::SeqQuestion(QWidget *parent)
    : QWidget(parent), m_context(new QLabel(this)), m_group(new QButtonGroup(this)), m_submit(new QPushButton(tr("Submit"), this))
{
    setObjectName(QStringLiteral("seqQuestion"));
    setFocusPolicy(Qt::StrongFocus);
    m_context->setObjectName(QStringLiteral("seqContext"));
    m_context->setWordWrap(true);
    auto *question = new QLabel(questionText(), this);
    question->setObjectName(QStringLiteral("seqText"));
    question->setWordWrap(true);
    QFont f = question->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    f.setBold(true);
    question->setFont(f);

    auto *scale = new QGridLayout;
    scale->setHorizontalSpacing(6);
    for (int v = 1; v <= 7; ++v) {
        auto *button = new QRadioButton(QString::number(v), this);
        button->setObjectName(QStringLiteral("seq%1").arg(v));
        m_group->addButton(button, v);
        scale->addWidget(button, 0, v - 1, Qt::AlignHCenter);
    }
    auto *low = new QLabel(tr("Very difficult"), this);
    auto *high = new QLabel(tr("Very easy"), this);
    scale->addWidget(low, 1, 0, 1, 3, Qt::AlignLeft);
    scale->addWidget(high, 1, 4, 1, 3, Qt::AlignRight);
    auto *scaleBox = new QWidget(this);
    scaleBox->setLayout(scale);
    scaleBox->setMaximumWidth(560);

    auto *hint = new QLabel(tr("Press a number from 1 to 7, then Enter."), this);
    hint->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_submit->setObjectName(QStringLiteral("seqSubmit"));
    m_submit->setEnabled(false);
    m_submit->setAutoDefault(true); // Enter on the focused button submits, as in a dialog
    connect(m_group, &QButtonGroup::idClicked, this, [this] { m_submit->setEnabled(true); });
    connect(m_submit, &QPushButton::clicked, this, &SeqQuestion::submit);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(12);
    layout->addWidget(m_context);
    layout->addWidget(question);
    layout->addWidget(scaleBox);
    layout->addWidget(hint);
    layout->addWidget(m_submit, 0, Qt::AlignLeft);
    layout->addStretch(1);
}

void SeqQuestion::ask(const QString &taskTitle, const QString &outcome)
{
    m_context->setText(tr("Task finished: %1 (%2)").arg(taskTitle, outcome));
    m_group->setExclusive(false);
    for (QAbstractButton *b : m_group->buttons())
        b->setChecked(false);
    m_group->setExclusive(true);
    m_submit->setEnabled(false);
    // The question itself has the focus, not a button: a focused "4" would
    // look like a suggested answer.
    setFocus(Qt::OtherFocusReason);
}

int SeqQuestion::value() const
{
    return std::max(0, m_group->checkedId());
}

void SeqQuestion::submit()
{
    if (value() > 0)
        emit answered(value());
}

void SeqQuestion::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key >= Qt::Key_1 && key <= Qt::Key_7) {
        QAbstractButton *b = m_group->button(key - Qt::Key_0);
        b->setChecked(true);
        b->setFocus(Qt::OtherFocusReason);
        m_submit->setEnabled(true);
        return;
    }
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) && value() > 0) {
        submit();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace devzero::ui
