#include "sessions/common/logging.h"

Q_LOGGING_CATEGORY(lcStore, "devzero.store")
Q_LOGGING_CATEGORY(lcPlan, "devzero.plan")
Q_LOGGING_CATEGORY(lcCapture, "devzero.capture")
Q_LOGGING_CATEGORY(lcDocIndex, "devzero.docindex")
Q_LOGGING_CATEGORY(lcCli, "devzero.cli")
Q_LOGGING_CATEGORY(lcUi, "devzero.ui")
