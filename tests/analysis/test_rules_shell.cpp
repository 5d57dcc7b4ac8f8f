// What a shell line runs and installs, for the undeclared-tool rule.

#include "sessions/analysis/rulesshell.h"

#include <QTest>

using namespace devzero::analysis;

using namespace Qt::StringLiterals;

class TestRulesShell : public QObject
{
    Q_OBJECT

private slots:
    void programs_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("programs");

        QTest::newRow("one") << "kubectl get pods" << QStringList{u"kubectl"_s};
        QTest::newRow("pipe") << "echo -n \"$SIGNED\" | openssl dgst -sha256" << QStringList{u"echo"_s, u"openssl"_s};
        QTest::newRow("and, or, semicolon") << "make build && make test || true; docker ps"
                                            << QStringList{u"make"_s, u"make"_s, u"true"_s, u"docker"_s};
        QTest::newRow("substitution") << "export ID=$(jq -r .id payment.json)" << QStringList{u"export"_s, u"jq"_s};
        QTest::newRow("substitution in quotes") << "echo \"token: $(vault read -field=t x)\"" << QStringList{u"echo"_s, u"vault"_s};
        QTest::newRow("backticks") << "echo `date +%s`" << QStringList{u"echo"_s, u"date"_s};
        QTest::newRow("bare assignment") << "PAYLOAD=$(cat event.json)" << QStringList{u"cat"_s};
        QTest::newRow("assignment only") << "TIMESTAMP=1718035200" << QStringList{};
        QTest::newRow("assignment prefix") << "DEBUG=1 LEVEL=2 qstack run" << QStringList{u"qstack"_s};
        QTest::newRow("sudo with user") << "sudo -u postgres psql -c 'select 1'" << QStringList{u"psql"_s};
        QTest::newRow("env wrapper") << "env -i A=1 node app.js" << QStringList{u"node"_s};
        QTest::newRow("xargs") << "ls | xargs -n 1 gzip" << QStringList{u"ls"_s, u"gzip"_s};
        QTest::newRow("watch") << "watch -n 5 kubectl get pods" << QStringList{u"kubectl"_s};
        QTest::newRow("timeout") << "timeout 30s helm upgrade x y" << QStringList{u"helm"_s};
        QTest::newRow("for loop") << "for f in *.yaml; do kubeval \"$f\"; done" << QStringList{u"kubeval"_s};
        QTest::newRow("if") << "if grep -q ok out.txt; then notify-send done; fi" << QStringList{u"grep"_s, u"notify-send"_s};
        QTest::newRow("subshell") << "(cd web && npm ci)" << QStringList{u"cd"_s, u"npm"_s};
        QTest::newRow("redirection") << "helm template x > out.yaml 2>&1" << QStringList{u"helm"_s};
        QTest::newRow("redirect first") << "> log.txt terraform plan" << QStringList{u"terraform"_s};
        QTest::newRow("pipe in quotes") << "echo 'a | b' | sed s/a/b/" << QStringList{u"echo"_s, u"sed"_s};
        QTest::newRow("comment") << "kubectl apply -f x.yaml  # then run: helm install" << QStringList{u"kubectl"_s};
        QTest::newRow("absolute path") << "/usr/local/bin/argocd version" << QStringList{u"argocd"_s};
        QTest::newRow("local script") << "./hack/build.sh --fast" << QStringList{};
        QTest::newRow("project file") << "scripts/seed.py" << QStringList{};
        QTest::newRow("windows exe") << "argocd.exe version" << QStringList{u"argocd"_s};
        QTest::newRow("variable as program") << "$EDITOR config.yaml" << QStringList{};
        QTest::newRow("file names are not programs") << "cdk8s.sock" << QStringList{};
        QTest::newRow("versioned program") << "python3.11 -m venv .venv" << QStringList{u"python3.11"_s};
        QTest::newRow("output with capitals") << "NAME   READY   STATUS" << QStringList{};
        QTest::newRow("yaml in a shell block") << "apiVersion: v1" << QStringList{};
        QTest::newRow("powershell assignment") << "$env:QS_TOKEN = \"x\"" << QStringList{};
        QTest::newRow("empty") << "" << QStringList{};
    }

    void programs()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, programs);
        QStringList got;
        for (const ProgramUse &use : programsIn(line)) {
            got << use.program;
            QVERIFY2(line.mid(use.offset).contains(use.program), qPrintable(line));
        }
        QCOMPARE(got, programs);
    }

    void installs_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("installed");

        QTest::newRow("brew") << "brew install jq" << QStringList{u"jq"_s};
        QTest::newRow("brew tap path") << "brew install paylark/tap/paylark" << QStringList{u"paylark"_s};
        QTest::newRow("apt with options") << "sudo apt-get install -y jq httpie" << QStringList{u"jq"_s, u"httpie"_s};
        QTest::newRow("npm global scoped") << "npm install -g @quill/cli@2.1" << QStringList{u"cli"_s};
        QTest::newRow("go install") << "go install example.com/x/cmd/qfmt@latest" << QStringList{u"qfmt"_s};
        QTest::newRow("pip pinned") << "pip install yamllint==1.35" << QStringList{u"yamllint"_s};
        QTest::newRow("install to bin") << "sudo install -m 555 argocd-linux-amd64 /usr/local/bin/argocd"
                                        << QStringList{u"argocd"_s};
        QTest::newRow("mv to bin folder") << "sudo mv qstack /usr/local/bin/" << QStringList{u"qstack"_s};
        QTest::newRow("curl into bin") << "curl -sSL -o /usr/local/bin/kind https://x.example/kind" << QStringList{u"kind"_s};
        QTest::newRow("chmod") << "chmod +x ./kubectl" << QStringList{u"kubectl"_s};
        QTest::newRow("krew") << "kubectl krew install ctx" << QStringList{u"ctx"_s};
        QTest::newRow("after a pipe") << "curl -fsSL x | sudo tee k.asc && sudo apt-get install qstack" << QStringList{u"qstack"_s};
        QTest::newRow("not an install") << "brew upgrade qstack" << QStringList{};
        QTest::newRow("mv elsewhere") << "mv a.txt b.txt" << QStringList{};
        QTest::newRow("chmod without x") << "chmod 600 key.pem" << QStringList{};
    }

    void installs()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, installed);
        QCOMPARE(programsInstalledBy(line), installed);
    }

    void commandLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("command");

        QTest::newRow("command") << "kubectl get pods -n argocd" << true;
        QTest::newRow("assignment") << "TIMESTAMP=1718035200" << true;
        QTest::newRow("comment") << "# install the CLI" << true;
        QTest::newRow("keyword") << "done" << true;
        QTest::newRow("variable") << "$EDITOR x" << true;
        QTest::newRow("script") << "./run.sh" << true;
        QTest::newRow("cmdlet") << "Invoke-WebRequest -Uri https://x.example" << true;
        QTest::newRow("aligned output") << "ok      example.com/pkg/cache        0.029s" << false;
        QTest::newRow("column header") << "NAME   READY   STATUS" << false;
        QTest::newRow("tree") << "`-- parent" << false;
        QTest::newRow("key value") << "BuildDate: 2024-09-20T11:59:25Z" << false;
        QTest::newRow("folder") << "/home/argocd/plugins/" << false;
    }

    void commandLines()
    {
        QFETCH(QString, line);
        QFETCH(bool, command);
        QCOMPARE(looksLikeCommandLine(line), command);
    }

    void universal()
    {
        for (const char *p : {"cd", "echo", "export", "cat", "tar", "mv", "tee", "sudo", "curl", "grep", "apt-get"})
            QVERIFY2(isUniversalProgram(QString::fromLatin1(p)), p);
        for (const char *p : {"jq", "openssl", "gpg", "dig", "ngrok", "direnv", "http", "brew", "kubectl"})
            QVERIFY2(!isUniversalProgram(QString::fromLatin1(p)), p);
    }
};

QTEST_GUILESS_MAIN(TestRulesShell)
#include "test_rules_shell.moc"
