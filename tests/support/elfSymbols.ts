import { readFileSync } from 'node:fs';

export interface DynamicSymbol {
  name: string;
  /** false: imported from elsewhere (st_shndx = SHN_UNDEF). */
  defined: boolean;
}

const SHT_DYNSYM = 11;

/**
 * The dynamic symbols of a 64-bit little-endian ELF shared object (a `.node` addon), read from
 * its `.dynsym` section and the string table it links to — what `nm -D` prints.
 */
export function dynamicSymbols(path: string): DynamicSymbol[] {
  const elf = readFileSync(path);
  if (elf.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${path} is not an ELF file`);
  if (elf[4] !== 2 || elf[5] !== 1) throw new Error(`${path} is not a 64-bit little-endian ELF file`);
  const sectionHeaders = Number(elf.readBigUInt64LE(0x28));
  const headerSize = elf.readUInt16LE(0x3a);
  const count = elf.readUInt16LE(0x3c);
  const section = (index: number) => {
    const at = sectionHeaders + index * headerSize;
    return {
      type: elf.readUInt32LE(at + 4),
      offset: Number(elf.readBigUInt64LE(at + 0x18)),
      size: Number(elf.readBigUInt64LE(at + 0x20)),
      link: elf.readUInt32LE(at + 0x28),
      entrySize: Number(elf.readBigUInt64LE(at + 0x38)),
    };
  };
  for (let index = 0; index < count; index += 1) {
    const dynsym = section(index);
    if (dynsym.type !== SHT_DYNSYM) continue;
    const strings = section(dynsym.link);
    const symbols: DynamicSymbol[] = [];
    for (
      let at = dynsym.offset + dynsym.entrySize;
      at < dynsym.offset + dynsym.size;
      at += dynsym.entrySize
    ) {
      const nameAt = strings.offset + elf.readUInt32LE(at);
      const name = elf.toString('latin1', nameAt, elf.indexOf(0, nameAt));
      if (name) symbols.push({ name, defined: elf.readUInt16LE(at + 6) !== 0 });
    }
    return symbols;
  }
  return [];
}

export interface AddonKind {
  /** Registers through Node-API: exports napi_register_module_v1, or calls napi_module_register. */
  napi: boolean;
  /** Tied to one Node/Electron ABI: NAN / node.h registration, or V8's C++ API used directly. */
  abiSpecific: boolean;
  /** The symbols that decided abiSpecific, for the failure message. */
  abiSymbols: string[];
}

/** Tells an ABI-stable Node-API addon from an ABI-specific one (NAN, node.h) by its dynamic symbols. */
export function classifyAddon(symbols: DynamicSymbol[]): AddonKind {
  const has = (name: string, defined: boolean) =>
    symbols.some((s) => s.name === name && s.defined === defined);
  const napi =
    has('napi_register_module_v1', true) ||
    has('napi_module_register', false) ||
    has('node_api_module_get_api_version_v1', true);
  const abiSymbols = symbols
    .filter(
      (s) =>
        (s.name === 'node_module_register' && !s.defined) ||
        /^node_register_module_v\d+$/.test(s.name) ||
        (!s.defined && /^_ZN(2v8|4node)/.test(s.name)),
    )
    .map((s) => s.name);
  return { napi, abiSpecific: abiSymbols.length > 0, abiSymbols };
}
