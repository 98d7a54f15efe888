#!/usr/bin/env bash
# Makes TorchSharp's native library load on systems whose libstdc++ predates GCC 13 (Debian 12), see
# ../../../shared/notes/torchsharp-on-debian12.md. Called by Directory.Build.targets after every build and publish
# with the output folder; does nothing where the system libstdc++ already has GLIBCXX_3.4.32 or no TorchSharp is there.
set -euo pipefail
out_dir=$1
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t libraries < <(find "$out_dir" -name libLibTorchSharp.so -type f 2>/dev/null)
[ ${#libraries[@]} -gt 0 ] || exit 0

libstdcxx=$(ldconfig -p | awk '/libstdc\+\+\.so\.6 /{print $NF; exit}')
if [ -n "$libstdcxx" ] && grep -qa GLIBCXX_3.4.32 "$libstdcxx"; then exit 0; fi

for tool in patchelf g++ gcc; do
  command -v "$tool" >/dev/null || { echo "torchsharp-debian12: '$tool' is missing (apt-get install -y patchelf g++)" >&2; exit 1; }
done

# Tools are built once per checkout; a lock keeps parallel project builds from racing on them.
tools_dir="$here/obj"
mkdir -p "$tools_dir"
exec 9>"$tools_dir/.lock"
flock 9
[ -f "$tools_dir/libiosinit.so" ] || g++ -O2 -shared -fPIC -o "$tools_dir/libiosinit.so" "$here/ios_base_library_init.cpp"
[ -x "$tools_dir/weaken_version_need" ] || gcc -O2 -o "$tools_dir/weaken_version_need" "$here/weaken_version_need.c"

for library in "${libraries[@]}"; do
  cp -f "$tools_dir/libiosinit.so" "$(dirname "$library")/libiosinit.so"
  if patchelf --print-needed "$library" | grep -qx libiosinit.so; then continue; fi
  patchelf --clear-symbol-version _ZSt21ios_base_library_initv "$library"
  patchelf --add-needed libiosinit.so "$library"
  "$tools_dir/weaken_version_need" "$library" GLIBCXX_3.4.32
  echo "torchsharp-debian12: patched $library"
done
