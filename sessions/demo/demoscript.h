#pragma once

// What the simulated testers of the demo lab do: for each task of the demo
// plan, one episode for a tester who gets through smoothly and one for a
// tester who runs into the planted problems; eight testers with their
// outcomes, ease answers (SEQ) and SUS questionnaires. Pure data: running it
// is demosessions.cpp's job.

#include <QList>
#include <QString>

namespace devzero::demo {

struct DemoStep
{
    enum class Kind { Read, Search, Run, Note, Think };
    Kind kind = Kind::Think;
    int seconds = 0;  // time spent on the step: dwell, typing, running, thinking
    QString text;     // page, query, command, or note text
    QString anchor;   // Read: section; Note: section of `page`; Search: expected click (page)
    QString page;     // Note: the page the note is about
    QString category; // Note
    int number = 0;   // Run: exit status; Note: severity 1..4
};

struct DemoEpisode
{
    QString task;             // task number in the demo plan ("2.1")
    bool trouble = false;     // the variant that hits the planted problems
    QList<DemoStep> steps;
};

struct DemoTaskRun
{
    QString task;
    char outcome = 'S';   // S success, F failure, G gave up, K skipped
    bool trouble = false;
    int seq = 0;          // 1..7, 0 for no answer
};

struct DemoTester
{
    QString pseudonym;
    QString experience;   // novice | intermediate | expert
    QString os;
    QString shell;
    QStringList toolsFound; // of git, curl, jq, paylark, ngrok, openssl
    int startDay = 0;     // days after the first session day
    int startMinute = 0;  // minutes after midnight UTC
    QList<DemoTaskRun> tasks;
    QList<int> sus;       // ten answers, 1..5
    bool pausesOnce = false;
};

const QList<DemoEpisode> &demoEpisodes();
const QList<DemoTester> &demoTesters();

// Anchors of the pages the episodes read: the demo checks each one against
// the docs index, so a renamed heading cannot leave the demo pointing at
// nothing.
QList<QPair<QString, QString>> demoSectionsRead();

} // namespace devzero::demo
