#include "sessions/demo/demohistory.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace devzero::demo {

namespace {

Result<QByteArray> readFinal(const QString &docsRoot, const QString &path, const QString &where)
{
    QFile file(docsRoot + QLatin1Char('/') + path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("no file \"%1\" in the demo docs").arg(path), where};
    return file.readAll();
}

struct FileEntry
{
    QString path;
    QString fromFile;
};

Result<FileEntry> fileEntry(const QJsonValue &value, const QString &where)
{
    if (value.isString())
        return FileEntry{value.toString(), value.toString()};
    const QJsonObject o = value.toObject();
    const QString path = o.value(QLatin1String("path")).toString();
    if (path.isEmpty())
        return Error{QStringLiteral("a files entry needs a path"), where};
    const QString from = o.value(QLatin1String("from_file")).toString();
    return FileEntry{path, from.isEmpty() ? path : from};
}

Result<DemoCommit> replayCommit(const QJsonObject &c, const QString &docsRoot, const QString &where,
                                QMap<QString, QByteArray> &tree)
{
    DemoCommit commit;
    const QJsonObject author = c.value(QLatin1String("author")).toObject();
    commit.author.name = author.value(QLatin1String("name")).toString();
    commit.author.email = author.value(QLatin1String("email")).toString();
    commit.author.when = QDateTime::fromString(c.value(QLatin1String("date")).toString(), Qt::ISODate);
    commit.message = c.value(QLatin1String("message")).toString();
    if (commit.author.name.isEmpty() || commit.author.email.isEmpty())
        return Error{QStringLiteral("the author needs a name and an email"), where};
    if (!commit.author.when.isValid())
        return Error{QStringLiteral("the date is not ISO 8601 with an offset"), where};
    if (commit.message.isEmpty())
        return Error{QStringLiteral("the commit has no message"), where};

    for (const QJsonValue &removed : c.value(QLatin1String("remove")).toArray()) {
        if (tree.remove(removed.toString()) == 0)
            return Error{QStringLiteral("cannot remove \"%1\": not in the tree").arg(removed.toString()), where};
    }
    const QJsonArray replaces = c.value(QLatin1String("replace")).toArray();
    QSet<QString> written;
    for (const QJsonValue &value : c.value(QLatin1String("files")).toArray()) {
        Result<FileEntry> entry = fileEntry(value, where);
        if (!entry)
            return entry.error();
        Result<QByteArray> content = readFinal(docsRoot, entry->fromFile, where);
        if (!content)
            return content.error();
        for (const QJsonValue &r : replaces) {
            const QJsonObject edit = r.toObject();
            if (edit.value(QLatin1String("path")).toString() != entry->path)
                continue;
            const QByteArray from = edit.value(QLatin1String("from")).toString().toUtf8();
            if (from.isEmpty() || !content->contains(from))
                return Error{QStringLiteral("replace in \"%1\": text not found (history and docs drifted apart): %2")
                                 .arg(entry->path, QString::fromUtf8(from.left(60))),
                             where};
            content->replace(from, edit.value(QLatin1String("to")).toString().toUtf8());
        }
        tree.insert(entry->path, *content);
        written.insert(entry->path);
    }
    for (const QJsonValue &r : replaces) {
        const QString path = r.toObject().value(QLatin1String("path")).toString();
        if (!written.contains(path))
            return Error{QStringLiteral("replace names \"%1\", which this commit does not write").arg(path), where};
    }
    commit.tree = tree;
    return commit;
}

} // namespace

Result<DemoHistory> replayHistory(const QByteArray &historyJson, const QString &docsRoot)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(historyJson, &parseError);
    if (doc.isNull())
        return Error{QStringLiteral("history is not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset),
                     QStringLiteral("history.json")};
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("version")).toInt() != 1)
        return Error{QStringLiteral("unsupported history version (expected 1)"), QStringLiteral("history.json")};

    DemoHistory history;
    history.branch = root.value(QLatin1String("branch")).toString(QStringLiteral("main"));
    const QJsonArray commits = root.value(QLatin1String("commits")).toArray();
    if (commits.isEmpty())
        return Error{QStringLiteral("history has no commits"), QStringLiteral("history.json")};

    QMap<QString, QByteArray> tree;
    for (int i = 0; i < commits.size(); ++i) {
        const QString where = QStringLiteral("history.json: commit %1").arg(i + 1);
        Result<DemoCommit> commit = replayCommit(commits.at(i).toObject(), docsRoot, where, tree);
        if (!commit)
            return commit.error();
        if (!history.commits.isEmpty() && commit->author.when <= history.commits.last().author.when)
            return Error{QStringLiteral("dates must strictly increase"), where};
        history.commits.append(std::move(commit.value()));
    }
    return history;
}

} // namespace devzero::demo
