#include "ui/triage/triagecommands.h"

#include "ui/triage/triagequeuemodel.h"

#include <QObject>

namespace devzero::ui {

TriageStateCommand::TriageStateCommand(LabDatabase &lab, TriageQueueModel *model, store::TriageChange recorded,
                                       std::optional<store::TriageChange> previous, ErrorSink onError)
    : m_lab(lab), m_model(model), m_change(std::move(recorded)), m_previous(std::move(previous)),
      m_onError(std::move(onError))
{
    setText(QObject::tr("Mark %1 %2").arg(m_change.page, store::triageStateLabel(m_change.state).toLower()));
}

void TriageStateCommand::redo()
{
    if (!m_recorded) {
        if (Result<void> done = store::TriageStore(m_lab).restore(m_change); !done) {
            if (m_onError)
                m_onError(done.error().toString());
            return;
        }
        m_recorded = true;
    }
    m_model->setLatest(m_change.fingerprint, m_change);
}

void TriageStateCommand::undo()
{
    if (Result<void> done = store::TriageStore(m_lab).remove(m_change.id); !done) {
        if (m_onError)
            m_onError(done.error().toString());
        return;
    }
    m_recorded = false;
    m_model->setLatest(m_change.fingerprint, m_previous);
}

} // namespace devzero::ui
