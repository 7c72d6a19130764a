// libFuzzer's entry for programs that have their own `main` (SwiftPM executables do): it parses the
// libFuzzer flags in argv and runs `callback` on each input. Linked in by `-sanitize=fuzzer`.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
