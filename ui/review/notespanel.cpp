#include "ui/review/notespanel.h"

#include "sessions/capture/notecategory.h"
#include "ui/review/notescommands.h"
#include "ui/review/notesmodel.h"
#include "ui/review/reviewdata.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace devzero::ui {

NotesPanel::NotesPanel(QUndoStack *undo, QWidget *parent)
    : QWidget(parent), m_undo(undo), m_model(new NotesModel(this)), m_filter(new NotesFilterModel(this)),
      m_view(new QTableView(this)), m_search(new QLineEdit(this)), m_category(new QComboBox(this)),
      m_severity(new QComboBox(this)), m_theme(new QComboBox(this)), m_journey(new QLabel(this)),
      m_newCategory(new QComboBox(this)), m_tags(new QLineEdit(this)), m_mergeTheme(new QComboBox(this)),
      m_status(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // The notes arrive oldest first: no initial sort (20,000 rows), a click on a header sorts.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    const QList<int> widths = {120, 70, 150, 40, 140, 380, 220, 110, 150};
    for (int c = 0; c < widths.size(); ++c)
        m_view->setColumnWidth(c, widths[c]);
    // The note's words get whatever width is left.
    m_view->horizontalHeader()->setSectionResizeMode(NotesModel::TextColumn, QHeaderView::Stretch);
    m_view->setToolTip(tr("Double-click a note to see the docs lines it is about."));
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString page = index.data(NotesModel::PageRole).toString();
        if (!page.isEmpty())
            emit pageRequested(page, index.data(NotesModel::AnchorRole).toString());
    });

    m_search->setPlaceholderText(tr("Search notes, pages, tags, testers"));
    m_search->setClearButtonEnabled(true);
    m_category->addItem(tr("All categories"), QString());
    m_newCategory->addItem(tr("Recategorise as..."), QString());
    for (const capture::NoteCategory &c : capture::noteCategories()) {
        m_category->addItem(c.label, c.id);
        m_newCategory->addItem(c.label, c.id);
    }
    m_severity->addItem(tr("Any severity"), 0);
    for (int s = 2; s <= 4; ++s)
        m_severity->addItem(tr("%1 and up: %2").arg(s).arg(capture::severityLabel(s)), s);
    m_theme->addItem(tr("Any theme"), QVariant());
    m_theme->addItem(tr("Without theme"), 0);
    m_mergeTheme->setEditable(true);
    m_mergeTheme->lineEdit()->setPlaceholderText(tr("Theme name"));
    m_tags->setPlaceholderText(tr("tags, comma separated"));
    m_journey->setVisible(false);

    connect(m_search, &QLineEdit::textChanged, m_filter, &NotesFilterModel::setText);
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] { m_filter->setCategory(m_category->currentData().toString()); });
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] { m_filter->setMinimumSeverity(m_severity->currentData().toInt()); });
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant v = m_theme->currentData();
        m_filter->setTheme(v.isValid() ? std::optional<qint64>(v.toLongLong()) : std::nullopt);
    });
    // A filter pass emits one signal per run of rows: count once, after it.
    auto *count = new QTimer(this);
    count->setSingleShot(true);
    count->setInterval(0);
    connect(count, &QTimer::timeout, this, [this] { m_status->setText(tr("%1 of %2 notes").arg(m_filter->rowCount()).arg(m_model->rowCount())); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, count, qOverload<>(&QTimer::start));
    connect(m_filter, &QAbstractItemModel::modelReset, count, qOverload<>(&QTimer::start));
    // Filters call invalidate(): one layout change, not rows removed.
    connect(m_filter, &QAbstractItemModel::layoutChanged, count, qOverload<>(&QTimer::start));

    m_clearJourney = new QPushButton(tr("Show all journeys"), this);
    m_clearJourney->setVisible(false);
    connect(m_clearJourney, &QPushButton::clicked, this, [this] { showJourney(0, {}); });

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    filters->addWidget(m_category, 1);
    filters->addWidget(m_severity, 1);
    filters->addWidget(m_theme, 1);
    auto *journeyRow = new QHBoxLayout;
    journeyRow->addWidget(m_journey, 1);
    journeyRow->addWidget(m_clearJourney);

    auto *apply = new QPushButton(tr("Apply"), this);
    auto *tagButton = new QPushButton(tr("Set tags"), this);
    auto *mergeButton = new QPushButton(tr("Merge into theme"), this);
    connect(apply, &QPushButton::clicked, this, [this] {
        if (!m_newCategory->currentData().toString().isEmpty())
            recategorise(m_newCategory->currentData().toString());
    });
    connect(tagButton, &QPushButton::clicked, this, [this] {
        retag(m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts));
    });
    connect(mergeButton, &QPushButton::clicked, this, [this] { mergeIntoTheme(m_mergeTheme->currentText()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        if (const store::ReviewNote *n = m_model->note(m_filter->mapToSource(index).row()))
            m_tags->setText(n->tags.join(QStringLiteral(", ")));
    });
    auto *edits = new QHBoxLayout;
    edits->addWidget(new QLabel(tr("Selected notes:"), this));
    edits->addWidget(m_newCategory, 1);
    edits->addWidget(apply);
    edits->addSpacing(12);
    edits->addWidget(m_tags, 1);
    edits->addWidget(tagButton);
    edits->addSpacing(12);
    edits->addWidget(m_mergeTheme, 1);
    edits->addWidget(mergeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(journeyRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(edits);
    m_status->setObjectName(QStringLiteral("notesCount"));
    layout->addWidget(m_status);
}

void NotesPanel::setSnapshot(const ReviewSnapshot &snapshot)
{
    m_model->setNotes(snapshot.notes, snapshot.noteSearch);
    setThemes(snapshot.themes);
}

void NotesPanel::setThemes(const QList<store::Theme> &themes)
{
    const QVariant current = m_theme->currentData();
    const QString typed = m_mergeTheme->currentText();
    while (m_theme->count() > 2)
        m_theme->removeItem(2);
    m_mergeTheme->clear();
    for (const store::Theme &t : themes) {
        m_theme->addItem(tr("%1 (%2)").arg(t.name).arg(t.notes), t.id);
        m_mergeTheme->addItem(t.name);
    }
    const int i = current.isValid() ? m_theme->findData(current) : 0;
    m_theme->setCurrentIndex(qMax(0, i));
    m_mergeTheme->setCurrentText(typed);
}

void NotesPanel::reloadThemes()
{
    if (!m_lab)
        return;
    if (Result<QList<store::Theme>> themes = store::NotesEditStore(*m_lab).themes(); themes)
        setThemes(*themes);
    emit themesChanged();
}

void NotesPanel::showJourney(qint64 journeyId, const QString &label)
{
    m_filter->setJourney(journeyId);
    m_journey->setVisible(journeyId != 0);
    m_clearJourney->setVisible(journeyId != 0);
    m_journey->setText(tr("Notes from the journey <b>%1</b>").arg(label.toHtmlEscaped()));
}

NotesEditContext NotesPanel::context()
{
    NotesEditContext c;
    c.lab = m_lab;
    c.model = m_model;
    c.onError = [this](const QString &e) { fail(e); };
    c.themesChanged = [this] { reloadThemes(); };
    return c;
}

void NotesPanel::fail(const QString &message)
{
    m_lastError = message;
    m_status->setText(message);
}

QList<qint64> NotesPanel::selectedNotes() const
{
    QList<qint64> ids;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        ids << i.data(NotesModel::NoteIdRole).toLongLong();
    return ids;
}

void NotesPanel::selectNotes(const QList<qint64> &noteIds)
{
    QItemSelection selection;
    for (qint64 id : noteIds) {
        const QModelIndex proxy = m_filter->mapFromSource(m_model->index(m_model->rowOf(id), 0));
        if (proxy.isValid())
            selection.select(proxy, proxy.siblingAtColumn(NotesModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

bool NotesPanel::recategorise(const QString &category, QList<qint64> noteIds)
{
    if (noteIds.isEmpty())
        noteIds = selectedNotes();
    if (!m_lab || noteIds.isEmpty() || !capture::isNoteCategory(category)) {
        fail(noteIds.isEmpty() ? tr("Select the notes to recategorise first.") : tr("Unknown category \"%1\".").arg(category));
        return false;
    }
    const int before = m_undo->count();
    m_undo->push(new RecategoriseCommand(context(), noteIds, category));
    return m_undo->count() > before;
}

bool NotesPanel::retag(const QStringList &tags, qint64 noteId)
{
    if (noteId == 0) {
        const QList<qint64> ids = selectedNotes();
        if (ids.size() != 1) {
            fail(tr("Select one note to tag."));
            return false;
        }
        noteId = ids.first();
    }
    if (!m_lab)
        return false;
    const int before = m_undo->count();
    m_undo->push(new RetagCommand(context(), noteId, tags));
    return m_undo->count() > before;
}

bool NotesPanel::mergeIntoTheme(const QString &theme, QList<qint64> noteIds)
{
    if (noteIds.isEmpty())
        noteIds = selectedNotes();
    if (!m_lab || noteIds.isEmpty() || theme.simplified().isEmpty()) {
        fail(noteIds.isEmpty() ? tr("Select the notes to merge first.") : tr("Name the theme first."));
        return false;
    }
    const int before = m_undo->count();
    m_undo->push(new MergeIntoThemeCommand(context(), noteIds, theme, QDateTime::currentMSecsSinceEpoch()));
    return m_undo->count() > before;
}

} // namespace devzero::ui
