#pragma once

// Start wizard, step 3: the docs the tester reads in the bench, a source of
// the lab's docs index or a new one (a local repository or a URL, cloned
// and indexed on a worker thread with progress and cancel).

#include "sessions/docindex/docindextypes.h"

#include <QWizardPage>

#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace devzero::ui {

class EnterLineEdit;
class StartWizard;

class WizardDocsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WizardDocsPage(StartWizard *wizard);
    ~WizardDocsPage() override;

    QListWidget *sourceList() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    EnterLineEdit *repoEdit() const { return m_repo; }
    QLineEdit *subdirEdit() const { return m_subdir; }
    QLineEdit *siteEdit() const { return m_site; }
    QCheckBox *cloneBox() const { return m_clone; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    bool isBusy() const { return bool(m_cancelFlag); }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

public slots:
    void addSource();
    void cancelAdd();

private:
    void loadSources(const QString &select);
    void showSources(const QList<docindex::SourceInfo> &sources, const QString &error, const QString &select);
    void showProgress(const docindex::Progress &progress);
    void setBusy(bool busy);

    StartWizard *m_wizard;
    QListWidget *m_list;
    QLineEdit *m_name;
    EnterLineEdit *m_repo;
    QLineEdit *m_subdir;
    QLineEdit *m_site;
    QCheckBox *m_clone;
    QPushButton *m_add;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    std::shared_ptr<std::atomic_bool> m_cancelFlag; // set while a source is being added
    int m_loads = 0;
};

} // namespace devzero::ui
