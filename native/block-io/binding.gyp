# Builds build/Release/block_io.node with `node-gyp rebuild --directory native/block-io`
# (the `build:native` npm script). Plain C against node_api.h only: N-API is ABI-stable, so the
# one binary loads in plain Node (tests, CLI) and in Electron's Node (the helper) alike.
{
  "targets": [
    {
      "target_name": "block_io",
      "sources": ["block_io.c", "caller_fs.c", "zero_range.c"],
      # Pin the N-API version we code against (8 is in every Node >= 12.22 and every Electron
      # this app supports); node_api.h otherwise picks its own default.
      "defines": ["NAPI_VERSION=8"],
      "cflags": ["-std=c11", "-Wall", "-Wextra"]
    }
  ]
}
