#include "ui/common/sessionlistpanel.h"

#include "sessions/store/sessionstore.h"
#include "ui/common/sessionlistmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace devzero::ui {

SessionListPanel::SessionListPanel(QWidget *parent)
    : QWidget(parent), m_model(new SessionListModel(this)), m_view(new QTableView(this)), m_empty(new QLabel(this)),
      m_stack(new QStackedWidget(this))
{
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("sessionTable"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(SessionListModel::Plan, QHeaderView::Stretch);

    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setTextFormat(Qt::RichText);
    m_empty->setMargin(24);
    m_empty->setText(tr("<h2>No sessions in this lab yet</h2>"
                        "<p>A session is one outsider working through a plan's goals while the lab records "
                        "timings, friction notes, the docs pages they read, their searches and their commands.</p>"
                        "<p>Start one from a terminal:</p>"
                        "<pre>devzero plan import my-plan.md\n"
                        "devzero session start --plan 1 --participant dz-01 --consent</pre>"));

    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

QString SessionListPanel::reload(LabDatabase &lab)
{
    Result<QList<store::SessionRow>> sessions = store::SessionStore(lab).sessions();
    if (!sessions) {
        m_model->setSessions({});
        m_stack->setCurrentWidget(m_empty);
        return sessions.error().toString();
    }
    m_model->setSessions(*sessions);
    m_stack->setCurrentWidget(sessions->isEmpty() ? static_cast<QWidget *>(m_empty) : m_view);
    return {};
}

} // namespace devzero::ui
