// gzip (every member of a concatenation) and zstd (every frame) decoded as
// a stream, through zlib and libzstd. A stream that ends before its last
// member or frame does is an error, never a silent end.
#pragma once

#include <memory>
#include <string>

#include "io/byte_source.hpp"

namespace socred::io {

std::unique_ptr<ByteSource> gzip_source(std::unique_ptr<ByteSource> compressed, std::string name);
std::unique_ptr<ByteSource> zstd_source(std::unique_ptr<ByteSource> compressed, std::string name);

}  // namespace socred::io
