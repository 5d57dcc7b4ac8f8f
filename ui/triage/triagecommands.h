#pragma once

// The triage screen's one kind of edit: a change of a flag's state, as an
// undoable command. The change is recorded before the command is pushed
// (so that a failed write never enters the stack); undo removes that row
// from the lab, redo puts it back with the same id.

#include "sessions/store/triagestore.h"

#include <QUndoCommand>

#include <functional>
#include <optional>

namespace devzero {
class LabDatabase;
}

namespace devzero::ui {

class TriageQueueModel;

class TriageStateCommand : public QUndoCommand
{
public:
    using ErrorSink = std::function<void(const QString &)>;

    TriageStateCommand(LabDatabase &lab, TriageQueueModel *model, store::TriageChange recorded,
                       std::optional<store::TriageChange> previous, ErrorSink onError);

    void undo() override;
    void redo() override;

    const store::TriageChange &change() const { return m_change; }

private:
    LabDatabase &m_lab;
    TriageQueueModel *m_model;
    store::TriageChange m_change;
    std::optional<store::TriageChange> m_previous;
    ErrorSink m_onError;
    bool m_recorded = true; // the first redo finds the change already in the lab
};

} // namespace devzero::ui
