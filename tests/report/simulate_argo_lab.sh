#!/usr/bin/env bash
# Builds a demo lab against the argo-cd docs corpus through the real CLI, so
# that `devzero report` can be looked at on real pages, owners and flags.
# Not run by CTest. Session times come from libfaketime (Debian package
# `faketime`), so that timelines span minutes as real sessions do; the
# testers' notes are made up for the demo.
#
#   tests/report/simulate_argo_lab.sh BUILD_DIR OUT_DIR
#   then: DEVZERO_LAB=OUT_DIR/lab.sqlite BUILD_DIR/app/devzero report --format html -o OUT_DIR/report.html
set -euo pipefail

build=${1:?usage: simulate_argo_lab.sh BUILD_DIR OUT_DIR}
out=${2:?usage: simulate_argo_lab.sh BUILD_DIR OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
bundle=${DEVZERO_CORPORA:-$source_dir/../shared/corpora}/argo-cd-docs.bundle
devzero=$(cd "$build" && pwd)/app/devzero
command -v faketime >/dev/null || { echo "needs faketime (apt install faketime)" >&2; exit 1; }
[ -f "$bundle" ] || { echo "no corpus bundle at $bundle" >&2; exit 1; }
[ -x "$devzero" ] || { echo "no devzero at $devzero (build the devzero target)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
git clone -q "$bundle" "$out/argo-cd"
export DEVZERO_LAB=$out/lab.sqlite TZ=UTC
"$devzero" docs add argocd --repo "$out/argo-cd" --site-url https://argo-cd.readthedocs.io/en/stable/ >/dev/null
"$devzero" plan import "$source_dir/resources/plans/argo-cd-onboarding.md" >/dev/null

clock=0
# at SECONDS: moves the session clock forward; dz ARGS: runs devzero at that time.
at() { clock=$((clock + $1)); }
dz() { faketime "$(date -u -d "@$clock" '+%F %T')" "$devzero" "$@" >/dev/null; }
gs=docs/getting_started.md

start() { # start EPOCH NAME EXPERIENCE
    clock=$1
    dz session start --plan 1 --participant "$2" --experience "$3" --consent --tools git,kubectl,helm --no-snapshot
}

install_task() { # install_task TROUBLE(0|1)
    dz session task start install; at 20
    dz session lookup $gs --anchor 1-install-argo-cd --dwell 70 --how browser; at 75
    dz session command "kubectl create namespace argocd" --exit 0 --duration-ms 400; at 30
    if [ "$1" = 1 ]; then
        dz session command "kubectl apply -n argocd -f https://raw.githubusercontent.com/argoproj/argo-cd/stable/manifests/install.yaml" --exit 1 --duration-ms 9000; at 40
        dz session note "apply without --server-side (as in an older guide I had open) fails on the CRDs: annotations too long; the why is in a note below the command" --severity 3 --category misleading-error --page $gs --anchor 1-install-argo-cd; at 30
        dz session search "annotations too long" --results 0; at 25
        dz session lookup docs/operator-manual/installation.md --dwell 110; at 120
    fi
    dz session command "kubectl apply -n argocd --server-side --force-conflicts -f https://raw.githubusercontent.com/argoproj/argo-cd/stable/manifests/install.yaml" --exit 0 --duration-ms 12000; at 90
    dz session command "kubectl -n argocd rollout status deployment/argocd-server" --exit 0 --duration-ms 60000; at 10
    dz session task end success --seq $((5 - $1)); at 15
}

cli_task() { # cli_task ON_LINUX_WITHOUT_BREW(0|1)
    dz session task start install-cli; at 10
    dz session lookup docs/cli_installation.md --dwell 50; at 55
    if [ "$1" = 1 ]; then
        dz session command "brew install argocd" --exit 127 --duration-ms 20; at 20
        dz session note "brew is not on my Linux laptop; the curl way is further down the page" --severity 1 --category environment --page docs/cli_installation.md; at 40
    fi
    dz session command "curl -sSL -o argocd-linux-amd64 https://github.com/argoproj/argo-cd/releases/latest/download/argocd-linux-amd64" --exit 0 --duration-ms 4000; at 20
    dz session command "sudo install -m 555 argocd-linux-amd64 /usr/local/bin/argocd" --exit 0 --duration-ms 300; at 10
    dz session command "argocd version --client" --exit 0 --duration-ms 200; at 10
    dz session task end success --seq 6; at 10
}

login_task() { # login_task OUTCOME
    dz session task start cli-login; at 10
    dz session lookup $gs --anchor 4-log-in-using-the-cli --dwell 90; at 95
    dz session command "argocd admin initial-password -n argocd" --exit 0 --duration-ms 900; at 30
    dz session command "argocd login localhost:8080" --exit 20 --duration-ms 30000; at 40
    dz session note "login needs the port-forward from step 3 still running in another terminal; step 4 does not say so" --severity 3 --category missing-prerequisite --page $gs --anchor 4-log-in-using-the-cli; at 30
    dz session search "argocd login connection refused" --results 0; at 20
    dz session lookup $gs --anchor port-forwarding --dwell 40; at 45
    dz session command "kubectl port-forward svc/argocd-server -n argocd 8080:443" --exit 0 --duration-ms 500; at 20
    if [ "$1" = success ]; then
        dz session command "argocd login localhost:8080 --insecure --username admin" --exit 0 --duration-ms 2000; at 15
        dz session task end success --seq 3
    else
        dz session command "argocd login localhost:8080" --exit 20 --duration-ms 2000; at 60
        dz session note "x509: certificate signed by unknown authority; --insecure is only in the reference page" --severity 4 --category misleading-error --page $gs --anchor 4-log-in-using-the-cli; at 60
        dz session task end gave-up --seq 1
    fi
    at 20
}

ui_task() {
    dz session task start web-ui; at 10
    dz session lookup $gs --anchor 3-access-argo-cd --dwell 45; at 60
    dz session task end success --seq 6; at 10
}

app_tasks() { # app_tasks HELM_OUTCOME
    dz session task start create-app; at 10
    dz session lookup $gs --anchor 6-create-an-application-from-a-git-repository --dwell 60; at 65
    dz session command "argocd app create guestbook --repo https://github.com/argoproj/argocd-example-apps.git --path guestbook --dest-server https://kubernetes.default.svc --dest-namespace default" --exit 0 --duration-ms 1500; at 20
    dz session task end success --seq 6; at 10
    dz session task start sync; at 10
    dz session lookup $gs --anchor 7-sync-deploy-the-application --dwell 40; at 45
    dz session command "argocd app sync guestbook" --exit 0 --duration-ms 8000; at 30
    dz session task end success --seq 6; at 10
    dz session task start helm-app; at 10
    dz session lookup docs/user-guide/helm.md --dwell 180; at 185
    dz session search "helm values override" --results 4 --clicked docs/user-guide/helm.md; at 30
    dz session command "argocd app create helm-guestbook --repo https://github.com/argoproj/argocd-example-apps.git --path helm-guestbook --dest-server https://kubernetes.default.svc --dest-namespace default --helm-set replicaCount=2" --exit 0 --duration-ms 1500; at 40
    if [ "$1" = success ]; then
        dz session command "argocd app sync helm-guestbook" --exit 0 --duration-ms 9000; at 20
        dz session task end success --seq 4
    else
        dz session note "not clear whether valueFiles are relative to the chart or to the repository root" --severity 2 --category unclear-step --page docs/user-guide/helm.md; at 120
        dz session task end failure --seq 2
    fi
    at 20
}

rollback_task() {
    dz session task start rollback; at 10
    dz session lookup docs/user-guide/commands/argocd_app_rollback.md --dwell 60; at 65
    dz session command "argocd app rollback guestbook 1" --exit 20 --duration-ms 1200; at 30
    dz session note "rollback is refused while auto-sync is on; the reference page says nothing about it" --severity 3 --category misleading-error --page docs/user-guide/commands/argocd_app_rollback.md; at 40
    dz session search "rollback auto sync enabled" --results 0; at 30
    dz session lookup docs/user-guide/auto_sync.md --dwell 70; at 75
    dz session command "argocd app set guestbook --sync-policy none" --exit 0 --duration-ms 900; at 10
    dz session command "argocd app rollback guestbook 1" --exit 0 --duration-ms 3000; at 20
    dz session task end success --seq 3; at 20
}

team_tasks() { # team_tasks GOT_USER(0|1)
    dz session task start local-user; at 10
    dz session lookup docs/operator-manual/user-management/index.md --anchor local-usersaccounts --dwell 150; at 155
    dz session note "which ConfigMap is argocd-cm and how do I edit it? kubectl edit is assumed" --severity 3 --category missing-prerequisite --page docs/operator-manual/user-management/index.md --anchor local-usersaccounts; at 60
    dz session search "edit argocd-cm" --results 0; at 30
    dz session command "kubectl -n argocd edit configmap argocd-cm" --exit 0 --duration-ms 90000; at 100
    if [ "$1" = 1 ]; then
        dz session command "argocd account update-password --account alice --new-password hunter22" --exit 0 --duration-ms 800; at 20
        dz session task end success --seq 3; at 20
        dz session task start read-only; at 10
        dz session lookup docs/operator-manual/rbac.md --anchor basic-built-in-roles --dwell 120; at 125
        dz session search "rbac readonly role" --results 0; at 30
        dz session note "policy.csv: where does it go? The RBAC page assumes I know about argocd-rbac-cm" --severity 3 --category undefined-term --page docs/operator-manual/rbac.md; at 60
        dz session command "kubectl -n argocd edit configmap argocd-rbac-cm" --exit 0 --duration-ms 60000; at 80
        dz session command "argocd app sync guestbook" --exit 20 --duration-ms 700; at 20
        dz session task end success --seq 2
    else
        dz session command "argocd account update-password --account alice" --exit 20 --duration-ms 800; at 60
        dz session note "account alice does not exist although I added it; did the ConfigMap edit not apply?" --severity 4 --category unclear-step --page docs/operator-manual/user-management/index.md --anchor local-usersaccounts; at 60
        dz session task end gave-up --seq 1
    fi
    at 30
}

finish() { # finish SUS...
    dz session sus "$@"; at 5
    dz session end
}

# Five testers over three days.
start "$(date -u -d '2026-09-01 09:00' +%s)" river novice
install_task 1; cli_task 1; login_task success; ui_task; app_tasks failure; rollback_task; team_tasks 0
finish 3 3 2 4 3 3 3 4 2 3

start "$(date -u -d '2026-09-01 14:00' +%s)" sol intermediate
install_task 1; cli_task 0; login_task success; ui_task; app_tasks success; rollback_task; team_tasks 1
finish 4 2 4 2 4 2 4 2 4 3

start "$(date -u -d '2026-09-02 10:00' +%s)" kai novice
install_task 0; cli_task 1; login_task gave-up; ui_task; app_tasks failure
finish 2 4 2 4 3 3 2 4 2 4

start "$(date -u -d '2026-09-02 15:30' +%s)" mira expert
install_task 0; cli_task 0; login_task success; ui_task; app_tasks success; rollback_task; team_tasks 1
finish 5 2 4 1 4 2 5 1 4 2

start "$(date -u -d '2026-09-03 09:30' +%s)" noor intermediate
install_task 1; cli_task 1; login_task success; ui_task; app_tasks failure; rollback_task; team_tasks 0
finish 3 3 3 3 3 3 3 3 3 3

echo "lab with 5 sessions in $out (DEVZERO_LAB=$out/lab.sqlite)"
