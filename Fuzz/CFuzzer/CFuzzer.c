// Only the header matters: this target declares libFuzzer's driver for the Swift fuzz targets.
#include "CFuzzer.h"
