// An allocator for the big tables hit at random (score's per-person state):
// blocks of 2 MiB and more are mapped 2 MiB-aligned and marked for
// transparent huge pages, because with 4 KiB pages nearly every random probe
// of a table of many megabytes is a TLB miss as well as a cache miss, and
// the page walk is the dearer half on a virtual machine (PERF-NOTES.md).
// Smaller blocks come from operator new as usual.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

namespace socred::io {

inline constexpr std::size_t kHugePage = std::size_t{1} << 21;

/// Maps `bytes` (a multiple of kHugePage) at a kHugePage boundary.
inline void* map_huge(std::size_t bytes) {
  void* raw = ::mmap(nullptr, bytes + kHugePage, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  auto start = reinterpret_cast<std::uintptr_t>(raw);
  std::uintptr_t aligned = (start + kHugePage - 1) & ~(kHugePage - 1);
  if (aligned > start) ::munmap(raw, aligned - start);
  std::size_t tail = start + bytes + kHugePage - (aligned + bytes);
  if (tail > 0) ::munmap(reinterpret_cast<void*>(aligned + bytes), tail);
#ifdef MADV_HUGEPAGE
  ::madvise(reinterpret_cast<void*>(aligned), bytes, MADV_HUGEPAGE);  // a hint: may be refused
#endif
  return reinterpret_cast<void*>(aligned);
}

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  static std::size_t rounded(std::size_t n) {
    return (n * sizeof(T) + kHugePage - 1) & ~(kHugePage - 1);
  }
  T* allocate(std::size_t n) {
    if (n * sizeof(T) < kHugePage) return static_cast<T*>(::operator new(n * sizeof(T)));
    return static_cast<T*>(map_huge(rounded(n)));
  }
  void deallocate(T* p, std::size_t n) {
    if (n * sizeof(T) < kHugePage)
      ::operator delete(p);
    else
      ::munmap(p, rounded(n));
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
  template <typename U>
  bool operator!=(const HugePageAllocator<U>&) const {
    return false;
  }
};

/// A vector whose big buffers sit on huge pages.
template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace socred::io
