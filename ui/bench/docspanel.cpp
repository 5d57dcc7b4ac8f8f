#include "ui/bench/docspanel.h"

#include "sessions/docindex/docindex.h"
#include "ui/bench/benchsession.h"
#include "ui/bench/docsworker.h"
#include "ui/bench/pagerenderer.h"
#include "ui/bench/pageview.h"
#include "ui/bench/searchrecorder.h"
#include "ui/bench/searchresultdelegate.h"
#include "ui/bench/searchresultmodel.h"
#include "ui/bench/wording.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace devzero::ui {

using docindex::DocIndex;
using docindex::PageLink;

namespace {

constexpr int kDebounceMs = 250;
constexpr int kSearchPauseMs = 1500;

struct SearchAnswer
{
    QList<docindex::SearchResult> results;
    QString error;
};

struct PageAnswer
{
    docindex::PageInfo info;
    RenderedPage rendered;
    QString error;
};

struct UrlAnswer
{
    docindex::ResolvedUrl resolved;
    QString error;
};

bool isWebScheme(const QString &scheme)
{
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

QString decoded(const QString &url)
{
    return QUrl::fromPercentEncoding(url.toUtf8());
}

} // namespace

DocsPanel::DocsPanel(BenchSession *session, const QString &indexPath, const QString &clonesDir, const QString &source,
                     const QString &revision, QWidget *parent)
    : QWidget(parent), m_session(session), m_source(source), m_revision(revision),
      m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("docsPanel"));
    if (!indexPath.isEmpty())
        m_worker = new DocsWorker(indexPath, clonesDir, this);
    m_recorder = new SearchRecorder(
        [this](const QString &query, int results, const QString &page, const QString &anchor) {
            m_session->search(query, results, page, anchor);
        },
        kSearchPauseMs, this);
    buildUi();
}

DocsPanel::~DocsPanel()
{
    // The session outlives the panel (the window owns both): what the
    // tester was reading and searching is recorded before the panel goes.
    flushPendingSearch();
    leavePage();
}

void DocsPanel::buildUi()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("docsSearch"));
    m_search->setPlaceholderText(tr("Search the docs (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    auto *readElsewhere = new QPushButton(tr("Read elsewhere…"), this);
    readElsewhere->setToolTip(tr("Paste the address of a docs page you read in your browser (Ctrl+L)"));
    connect(readElsewhere, &QPushButton::clicked, this, &DocsPanel::focusUrl);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(readElsewhere);

    m_urlRow = new QWidget(this);
    m_url = new QLineEdit(m_urlRow);
    m_url->setObjectName(QStringLiteral("docsUrl"));
    m_url->setPlaceholderText(tr("Paste a docs-site address you read elsewhere, then Enter"));
    m_url->installEventFilter(this);
    auto *urlLayout = new QHBoxLayout(m_urlRow);
    urlLayout->setContentsMargins(0, 0, 0, 0);
    urlLayout->addWidget(m_url);
    m_urlRow->hide();

    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("docsInfo"));
    m_info->setWordWrap(true);
    m_info->setTextFormat(Qt::PlainText);
    m_info->setStyleSheet(QStringLiteral("QLabel { background: #fff7d6; color: #3d3000; border: 1px solid #e6d48a; padding: 6px; }"));
    m_info->hide();

    // Results.
    auto *resultsPane = new QWidget(this);
    m_resultsLabel = new QLabel(resultsPane);
    m_resultsLabel->setObjectName(QStringLiteral("docsResultsLabel"));
    m_resultsLabel->setWordWrap(true);
    m_model = new SearchResultModel(this);
    m_results = new QListView(resultsPane);
    m_results->setObjectName(QStringLiteral("docsResults"));
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setWordWrap(true);
    m_results->setResizeMode(QListView::Adjust);
    m_results->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_results->setAlternatingRowColors(true);
    m_results->installEventFilter(this);
    // One click opens a result, whatever the style's habit; Enter too.
    connect(m_results, &QListView::activated, this, &DocsPanel::openResult);
    if (!m_results->style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_results))
        connect(m_results, &QListView::clicked, this, &DocsPanel::openResult);
    // Before the first search (and after a search with no results) the
    // space says what to do instead of showing an empty list.
    m_emptyHint = new QLabel(resultsPane);
    m_emptyHint->setObjectName(QStringLiteral("docsEmptyHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setMargin(24);
    m_emptyHint->setStyleSheet(QStringLiteral("color: #5f6368;"));
    m_emptyHint->setText(m_worker ? tr("Search the docs you were given (Ctrl+F).\n\nThe pages you open here are recorded with "
                                       "the time you spend on them, so the docs team learns where people look.\n\n"
                                       "Read a page in your browser instead? Paste its address with Ctrl+L.")
                                  : tr("No docs were chosen for this session: read them wherever you like."));
    auto *resultsLayout = new QVBoxLayout(resultsPane);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_resultsLabel);
    resultsLayout->addWidget(m_results, 1);
    resultsLayout->addWidget(m_emptyHint, 1);
    m_resultsLabel->hide();
    m_results->hide();
    m_search->setEnabled(m_worker != nullptr);
    readElsewhere->setEnabled(m_worker != nullptr);

    // The page.
    m_pagePane = new QWidget(this);
    m_back = new QPushButton(tr("Back"), m_pagePane);
    m_back->setToolTip(tr("The page shown before this one (Alt+Left)"));
    connect(m_back, &QPushButton::clicked, this, &DocsPanel::goBack);
    m_title = new QLabel(m_pagePane);
    m_title->setObjectName(QStringLiteral("docsTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_site = new QPushButton(tr("Open on docs site"), m_pagePane);
    m_site->setToolTip(tr("Open this page on the published docs site in your browser (Ctrl+Shift+O)"));
    connect(m_site, &QPushButton::clicked, this, &DocsPanel::openOnSite);
    auto *header = new QHBoxLayout;
    header->addWidget(m_back);
    header->addWidget(m_title, 1);
    header->addWidget(m_site);
    m_page = new PageView(m_pagePane);
    m_page->installEventFilter(this);
    connect(m_page, &QTextBrowser::anchorClicked, this, &DocsPanel::linkClicked);
    connect(m_page->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { emit readingChanged(); });
    auto *pageLayout = new QVBoxLayout(m_pagePane);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addLayout(header);
    pageLayout->addWidget(m_page, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(resultsPane);
    m_stack->addWidget(m_pagePane);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(searchRow);
    layout->addWidget(m_urlRow);
    layout->addWidget(m_info);
    layout->addWidget(m_stack, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &DocsPanel::runSearch);
    connect(m_search, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_recorder->typing();
        if (text.trimmed().isEmpty()) {
            m_debounce->stop();
            ++m_searchRequest;
            flushPendingSearch();
            m_model->setResults({});
            m_shownQuery.clear();
            m_resultsLabel->hide();
            m_results->hide();
            m_emptyHint->show();
            return;
        }
        m_debounce->start();
    });
    connect(m_search, &QLineEdit::returnPressed, this, &DocsPanel::searchEntered);
    connect(m_url, &QLineEdit::returnPressed, this, [this] {
        const QString url = m_url->text().trimmed();
        if (!url.isEmpty())
            resolveAndShow(url, QStringLiteral("url"), false);
    });
    updateHeader();
}

void DocsPanel::setSearchPauseMs(int ms)
{
    m_recorder->setPauseMs(ms);
}

QString DocsPanel::currentPage() const
{
    return m_pageInfo.path;
}

QString DocsPanel::currentAnchor() const
{
    if (m_pageInfo.path.isEmpty())
        return {};
    // Right after a jump the target section is what is read, even when the
    // page cannot scroll far enough to bring it to the top.
    if (m_page->property("jumpScroll").toInt() == m_page->verticalScrollBar()->value() && !m_anchor.isEmpty())
        return m_anchor;
    return m_page->anchorAtTop();
}

QString DocsPanel::readingDescription() const
{
    if (m_pageInfo.path.isEmpty())
        return {};
    const QString anchor = currentAnchor();
    QString heading;
    for (const docindex::PageSection &s : m_pageInfo.sections) {
        if (!anchor.isEmpty() && s.anchor == anchor)
            heading = s.heading;
    }
    const QString title = m_pageInfo.title.isEmpty() ? QFileInfo(m_pageInfo.path).fileName() : m_pageInfo.title;
    return heading.isEmpty() || heading == title ? title : title + QStringLiteral(" \u203a ") + heading;
}

void DocsPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
    if (!m_search->text().isEmpty())
        showResultsView();
}

void DocsPanel::focusUrl()
{
    m_urlRow->show();
    m_url->setFocus(Qt::ShortcutFocusReason);
    m_url->selectAll();
}

void DocsPanel::showResultsView()
{
    m_stack->setCurrentIndex(0);
}

void DocsPanel::showInfo(const QString &text)
{
    m_info->setText(text);
    m_info->setVisible(!text.isEmpty());
}

void DocsPanel::runSearch()
{
    const QString query = m_search->text().trimmed();
    if (query.isEmpty() || !m_worker)
        return;
    const int id = ++m_searchRequest;
    const QString source = m_source;
    ++m_waiting;
    m_worker->request<SearchAnswer>(
        this,
        [query, source](DocIndex *index, const QString &error) {
            if (!index)
                return SearchAnswer{{}, error};
            docindex::SearchOptions options;
            options.source = source;
            options.limit = 30;
            Result<QList<docindex::SearchResult>> found = index->search(query, options);
            return found ? SearchAnswer{*found, {}} : SearchAnswer{{}, found.error().toString()};
        },
        [this, id, query](const SearchAnswer &answer) {
            --m_waiting;
            if (id != m_searchRequest)
                return; // the tester typed on
            showInfo(answer.error.isEmpty() ? QString() : tr("The search failed: %1").arg(answer.error));
            m_model->setResults(answer.results);
            m_shownQuery = query;
            showResultsView();
            const int n = int(answer.results.size());
            m_resultsLabel->setText(n == 0 ? tr("No results for “%1”.").arg(query)
                                           : tr("%1 for “%2”: Enter or Down to pick one.").arg(countOf(n, tr("result"), tr("results")), query));
            m_resultsLabel->show();
            m_results->setVisible(n > 0);
            m_emptyHint->setVisible(n == 0);
            if (n == 0)
                m_emptyHint->setText(tr("Nothing in these docs matches “%1”.\n\nTry other words, or note what you were "
                                        "looking for (F2): a missing page is worth knowing about.").arg(query));
            if (answer.error.isEmpty())
                m_recorder->resultsShown(query, n);
            if (m_settleOnArrival) {
                m_settleOnArrival = false;
                searchEntered();
            }
        });
}

void DocsPanel::searchEntered()
{
    const QString query = m_search->text().trimmed();
    if (query.isEmpty())
        return;
    if (m_debounce->isActive() || query != m_shownQuery) {
        // Enter before the results came: settle when they do.
        m_debounce->stop();
        m_settleOnArrival = true;
        runSearch();
        return;
    }
    m_recorder->settle();
    showResultsView();
    if (m_model->rowCount() > 0) {
        m_results->setFocus(Qt::OtherFocusReason);
        m_results->setCurrentIndex(m_model->index(0, 0));
    }
}

void DocsPanel::openResult(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const docindex::SearchResult result = m_model->result(index.row());
    m_recorder->clicked(result.path, result.anchor);
    showPage(result.path, result.anchor, QStringLiteral("search"));
}

void DocsPanel::flushPendingSearch()
{
    if (m_recorder)
        m_recorder->flush();
}

void DocsPanel::leavePage()
{
    if (m_lookupId > 0)
        m_session->closeLookup(m_lookupId);
    m_lookupId = 0;
}

void DocsPanel::showPage(const QString &path, const QString &anchor, const QString &how)
{
    if (!m_worker)
        return;
    if (!m_pageInfo.path.isEmpty() && path == m_pageInfo.path && how != QLatin1String("url")) {
        // The same page: a jump to one of its sections, not a new lookup.
        m_anchor = anchor;
        m_stack->setCurrentWidget(m_pagePane);
        m_page->jumpTo(anchor);
        m_page->setProperty("jumpScroll", m_page->verticalScrollBar()->value());
        if (how != QLatin1String("back") && !m_history.isEmpty())
            m_history.last().second = anchor;
        emit readingChanged();
        return;
    }
    const int id = ++m_pageRequest;
    const QString source = m_source;
    const QString revision = m_revision;
    ++m_waiting;
    m_worker->request<PageAnswer>(
        this,
        [path, source, revision](DocIndex *index, const QString &error) {
            PageAnswer answer;
            if (!index) {
                answer.error = error;
                return answer;
            }
            // The revision the session started with; a page added since
            // exists only in the current one.
            Result<docindex::PageInfo> info = revision.isEmpty() ? Result<docindex::PageInfo>(makeError(QString()))
                                                                  : index->page(path, source, revision);
            if (!info)
                info = index->page(path, source);
            if (!info) {
                answer.error = info.error().toString();
                return answer;
            }
            Result<QByteArray> bytes = index->readPageBlob(info->path, info->source, info->commitId);
            if (!bytes) {
                answer.error = bytes.error().toString();
                return answer;
            }
            answer.info = *info;
            answer.rendered = renderPage(*bytes, *info, [&](const QString &imagePath) {
                Result<QByteArray> image = index->readPageBlob(imagePath, info->source, info->commitId);
                return image ? QImage::fromData(*image) : QImage();
            });
            return answer;
        },
        [this, id, anchor, how](const PageAnswer &answer) {
            --m_waiting;
            if (id != m_pageRequest)
                return;
            if (!answer.error.isEmpty()) {
                showInfo(tr("This page cannot be shown: %1").arg(answer.error));
                return;
            }
            showInfo({});
            leavePage();
            m_pageInfo = answer.info;
            m_anchor = anchor;
            m_lookupId = m_session->openLookup(m_pageInfo.path, anchor, how, m_pageInfo.commitId);
            m_page->showPage(answer.rendered.html, answer.rendered.images);
            const bool fromResults = m_results->hasFocus();
            m_stack->setCurrentWidget(m_pagePane);
            if (fromResults)
                m_page->setFocus(Qt::OtherFocusReason); // on with the keyboard: Tab walks the links
            m_page->jumpTo(anchor);
            m_page->setProperty("jumpScroll", m_page->verticalScrollBar()->value());
            if (how != QLatin1String("back"))
                m_history.append({m_pageInfo.path, anchor});
            updateHeader();
            emit readingChanged();
        });
}

void DocsPanel::goBack()
{
    if (m_history.size() < 2)
        return;
    m_history.removeLast();
    const QPair<QString, QString> previous = m_history.last();
    showPage(previous.first, previous.second, QStringLiteral("back"));
}

void DocsPanel::openOnSite()
{
    if (m_pageInfo.siteUrl.isEmpty())
        return;
    QUrl url(m_pageInfo.siteUrl);
    const QString anchor = currentAnchor();
    if (!anchor.isEmpty())
        url.setFragment(anchor);
    openExternal(url);
}

void DocsPanel::openExternal(const QUrl &url)
{
    if (m_openUrl && m_openUrl(url))
        showInfo(tr("Opened %1 in your browser.").arg(url.toDisplayString()));
    else
        showInfo(tr("Could not open %1.").arg(url.toDisplayString()));
}

void DocsPanel::linkClicked(const QUrl &url)
{
    showInfo({});
    const QString scheme = url.scheme();
    if (isWebScheme(scheme)) {
        resolveAndShow(url.toString(), QStringLiteral("link"), true);
        return;
    }
    if (!scheme.isEmpty()) {
        openExternal(url); // mailto: and the like
        return;
    }
    if (url.path().isEmpty()) {
        showPage(m_pageInfo.path, url.fragment(), QStringLiteral("link"));
        return;
    }
    // What the index found when it resolved this link against the tree.
    const QString target = decoded(url.toString());
    for (const PageLink &link : std::as_const(m_pageInfo.links)) {
        if (link.image || decoded(link.target) != target)
            continue;
        switch (link.status) {
        case PageLink::Status::Ok:
            showPage(link.path, link.anchor, QStringLiteral("link"));
            return;
        case PageLink::Status::BrokenAnchor:
            showPage(link.path, {}, QStringLiteral("link"));
            showInfo(tr("The section “#%1” does not exist on that page: a broken link. Press F2 to note it.").arg(link.anchor));
            return;
        case PageLink::Status::BrokenFile:
        case PageLink::Status::EscapesRepository:
            showInfo(tr("This link points to “%1”, which is not in the docs: a broken link. Press F2 to note it.").arg(link.target));
            return;
        case PageLink::Status::OutsideIndex:
            showInfo(tr("This link points to “%1”, outside the docs of this session.").arg(link.target));
            return;
        case PageLink::Status::External:
        case PageLink::Status::Other:
            break;
        }
    }
    // Not a link the index knows: resolve it against the page's folder.
    const QString dir = QFileInfo(m_pageInfo.path).path();
    const QString path = QDir::cleanPath(dir == QLatin1String(".") ? decoded(url.path()) : dir + QLatin1Char('/') + decoded(url.path()));
    showPage(path, url.fragment(), QStringLiteral("link"));
}

void DocsPanel::resolveAndShow(const QString &url, const QString &how, bool externalOnFailure)
{
    if (!m_worker)
        return;
    const QString source = m_source;
    ++m_waiting;
    m_worker->request<UrlAnswer>(
        this,
        [url, source](DocIndex *index, const QString &error) {
            if (!index)
                return UrlAnswer{{}, error};
            Result<docindex::ResolvedUrl> resolved = index->resolveUrl(url, source);
            return resolved ? UrlAnswer{*resolved, {}} : UrlAnswer{{}, resolved.error().toString()};
        },
        [this, url, how, externalOnFailure](const UrlAnswer &answer) {
            --m_waiting;
            if (answer.error.isEmpty()) {
                if (how == QLatin1String("url")) {
                    m_url->clear();
                    m_urlRow->hide();
                }
                showPage(answer.resolved.path, answer.resolved.anchor, how);
            } else if (externalOnFailure) {
                openExternal(QUrl(url));
            } else {
                showInfo(tr("No page of these docs matches that address (%1).").arg(answer.error));
            }
        });
}

void DocsPanel::updateHeader()
{
    const bool hasPage = !m_pageInfo.path.isEmpty();
    m_back->setEnabled(m_history.size() > 1);
    m_site->setVisible(hasPage && !m_pageInfo.siteUrl.isEmpty());
    m_title->setText(hasPage ? QStringLiteral("<b>%1</b><br><span style=\"color:#5f6368\">%2</span>")
                                   .arg(m_pageInfo.title.toHtmlEscaped(), m_pageInfo.path.toHtmlEscaped())
                             : QString());
}

bool DocsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_search && key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
        m_recorder->settle();
        showResultsView();
        m_results->setFocus(Qt::OtherFocusReason);
        m_results->setCurrentIndex(m_model->index(0, 0));
        return true;
    }
    if (watched == m_url && key->key() == Qt::Key_Escape) {
        m_urlRow->hide();
        m_search->setFocus(Qt::OtherFocusReason);
        return true;
    }
    if (watched == m_results && key->key() == Qt::Key_Escape) {
        m_search->setFocus(Qt::OtherFocusReason);
        return true;
    }
    if (watched == m_page && key->key() == Qt::Key_Escape && m_model->rowCount() > 0) {
        showResultsView();
        m_results->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace devzero::ui
