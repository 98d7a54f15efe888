// GCC 13 added std::ios_base_library_init(); libLibTorchSharp.so references it, Debian 12's libstdc++ (GCC 12)
// lacks it. Defining it here, in a library the patched file loads, supplies the one missing symbol.
#include <ios>

namespace std {
void ios_base_library_init() { static ios_base::Init init; }
}
