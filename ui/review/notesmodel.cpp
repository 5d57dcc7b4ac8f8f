#include "ui/review/notesmodel.h"

#include "sessions/capture/notecategory.h"

#include <QDateTime>

namespace devzero::ui {

namespace {

QString categoryLabel(const QString &id)
{
    for (const capture::NoteCategory &c : capture::noteCategories())
        if (c.id == id)
            return c.label;
    return id;
}

} // namespace

NotesModel::NotesModel(QObject *parent) : QAbstractTableModel(parent) {}

void NotesModel::setNotes(QList<store::ReviewNote> notes, QStringList search)
{
    beginResetModel();
    m_notes = std::move(notes);
    m_rows.clear();
    m_rows.reserve(m_notes.size());
    const bool given = search.size() == m_notes.size();
    m_search = given ? std::move(search) : QStringList();
    for (int i = 0; i < m_notes.size(); ++i) {
        m_rows.insert(m_notes[i].id, i);
        if (!given)
            m_search << searchText(m_notes[i]);
    }
    endResetModel();
}

const store::ReviewNote *NotesModel::note(int row) const
{
    return row >= 0 && row < m_notes.size() ? &m_notes[row] : nullptr;
}

int NotesModel::rowOf(qint64 noteId) const { return m_rows.value(noteId, -1); }

QString NotesModel::searchText(const store::ReviewNote &n)
{
    return QStringList{n.text, n.page, n.anchor, n.pseudonym, n.tags.join(QLatin1Char(' ')), n.theme, n.taskTitle}
        .join(QLatin1Char(' '))
        .toLower();
}

void NotesModel::rowChanged(int row)
{
    if (row < 0)
        return;
    m_search[row] = searchText(m_notes[row]);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void NotesModel::setCategories(const QHash<qint64, QString> &categories)
{
    for (auto it = categories.cbegin(); it != categories.cend(); ++it)
        if (const int row = rowOf(it.key()); row >= 0) {
            m_notes[row].category = it.value();
            rowChanged(row);
        }
}

void NotesModel::setTags(qint64 noteId, const QStringList &tags)
{
    if (const int row = rowOf(noteId); row >= 0) {
        m_notes[row].tags = tags;
        rowChanged(row);
    }
}

void NotesModel::setThemes(const QHash<qint64, qint64> &themes, const QHash<qint64, QString> &themeNames)
{
    for (auto it = themes.cbegin(); it != themes.cend(); ++it)
        if (const int row = rowOf(it.key()); row >= 0) {
            m_notes[row].themeId = it.value();
            m_notes[row].theme = themeNames.value(it.value());
            rowChanged(row);
        }
}

int NotesModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_notes.size()); }
int NotesModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant NotesModel::data(const QModelIndex &index, int role) const
{
    const store::ReviewNote *n = index.isValid() ? note(index.row()) : nullptr;
    if (!n)
        return {};
    switch (role) {
    case NoteIdRole: return n->id;
    case SessionIdRole: return n->sessionId;
    case JourneyIdRole: return n->journeyId;
    case SeverityRole: return n->severity;
    case CategoryRole: return n->category;
    case ThemeIdRole: return n->themeId;
    case PageRole: return n->page;
    case AnchorRole: return n->anchor;
    case SearchTextRole: return m_search.value(index.row());
    case SortRole:
        // Raw values: sorting 20,000 rows must not format a date per comparison.
        switch (index.column()) {
        case WhenColumn: return n->wallMs;
        case SeverityColumn: return n->severity;
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == TextColumn)
            return n->text;
        if (index.column() == SeverityColumn)
            return capture::severityLabel(n->severity);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn: return QDateTime::fromMSecsSinceEpoch(n->wallMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case TesterColumn: return n->pseudonym;
        case TaskColumn: return n->taskNumber.isEmpty() ? QString() : n->taskNumber + QLatin1Char(' ') + n->taskTitle;
        case SeverityColumn: return n->severity;
        case CategoryColumn: return categoryLabel(n->category);
        case TextColumn: return n->text;
        case PageColumn: return n->anchor.isEmpty() ? n->page : n->page + QLatin1Char('#') + n->anchor;
        case TagsColumn: return n->tags.join(QStringLiteral(", "));
        case ThemeColumn: return n->theme;
        }
        return {};
    }
    return {};
}

QVariant NotesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhenColumn: return tr("When (UTC)");
    case TesterColumn: return tr("Tester");
    case TaskColumn: return tr("Task");
    case SeverityColumn: return tr("Sev.");
    case CategoryColumn: return tr("Category");
    case TextColumn: return tr("Note");
    case PageColumn: return tr("Page");
    case TagsColumn: return tr("Tags");
    case ThemeColumn: return tr("Theme");
    }
    return {};
}

NotesFilterModel::NotesFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(NotesModel::SortRole);
}

// invalidate(), not invalidateFilter(): one layout change instead of a
// rowsRemoved signal per run of hidden rows, which a table of 20,000 rows
// answers one by one (measured with bench_review).
void NotesFilterModel::setText(const QString &text)
{
    m_words = text.simplified().toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidate();
}
void NotesFilterModel::setCategory(const QString &category) { m_category = category; invalidate(); }
void NotesFilterModel::setMinimumSeverity(int severity) { m_minSeverity = severity; invalidate(); }
void NotesFilterModel::setJourney(qint64 journeyId) { m_journey = journeyId; invalidate(); }
void NotesFilterModel::setSession(qint64 sessionId) { m_session = sessionId; invalidate(); }
void NotesFilterModel::setTheme(std::optional<qint64> themeId) { m_theme = themeId; invalidate(); }

bool NotesFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    // Reads the rows directly: one filter pass over 20,000 notes through
    // QVariant data() calls took a tenth of a second on the UI thread.
    const auto *model = static_cast<const NotesModel *>(sourceModel());
    const store::ReviewNote *n = model->note(sourceRow);
    if (!n)
        return false;
    if (m_minSeverity > 0 && n->severity < m_minSeverity)
        return false;
    if (!m_category.isEmpty() && n->category != m_category)
        return false;
    if (m_journey != 0 && n->journeyId != m_journey)
        return false;
    if (m_session != 0 && n->sessionId != m_session)
        return false;
    if (m_theme && n->themeId != *m_theme)
        return false;
    if (!m_words.isEmpty()) {
        const QString &hay = model->searchTextAt(sourceRow);
        for (const QString &w : m_words)
            if (!hay.contains(w))
                return false;
    }
    return true;
}

} // namespace devzero::ui
