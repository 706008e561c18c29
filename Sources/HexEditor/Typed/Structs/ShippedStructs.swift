/// The struct definitions hexmap ships, as text: the same bytes as `Resources/structs/NAME.struct`
/// (a test keeps them equal). They are compiled in, as the help text is, so `struct elf64` works
/// whatever the working directory and wherever the binary was installed; a user's own files
/// in `$XDG_CONFIG_HOME/hexmap/structs/` are read at start-up and take precedence.
enum ShippedStructs {
    /// Name and text of each.
    static let files: [(name: String, text: String)] = [
        (
            "elf64",
            #"""
            # The ELF-64 file header, little-endian (x86-64, AArch64, RISC-V), at offset 0.
            # Names from the System V ABI ("ELF-64 Object File Format", the Elf64_Ehdr structure).
            u8[16] e_ident        # 7f 'E' 'L' 'F', class (2 = 64-bit), data (1 = little-endian), version, OS ABI
            u16le  e_type         # 1 relocatable, 2 executable, 3 shared object or PIE, 4 core
            u16le  e_machine      # 62 x86-64, 183 AArch64, 243 RISC-V
            u32le  e_version
            u64le  e_entry
            u64le  e_phoff        # where the program headers start
            u64le  e_shoff        # where the section headers start
            u32le  e_flags
            u16le  e_ehsize       # 64
            u16le  e_phentsize    # 56
            u16le  e_phnum
            u16le  e_shentsize    # 64
            u16le  e_shnum
            u16le  e_shstrndx

            """#
        ),
        (
            "zip_local",
            #"""
            # A ZIP local file header (PKWARE APPNOTE.TXT, 4.3.7), where "PK\3\4" starts.
            # Names are the specification's, in snake case.
            u32le signature                  # 0x04034b50
            u16le version_needed_to_extract
            u16le general_purpose_bit_flag
            u16le compression_method         # 0 stored, 8 deflated
            u16le last_mod_file_time         # MS-DOS time
            u16le last_mod_file_date         # MS-DOS date
            u32le crc_32
            u32le compressed_size
            u32le uncompressed_size
            u16le file_name_length
            u16le extra_field_length
            char[file_name_length] file_name
            u8[extra_field_length] extra_field

            """#
        ),
        (
            "gif",
            #"""
            # The GIF header and logical screen descriptor (GIF89a specification, sections 17 and 18), at offset 0.
            char[3] signature               # "GIF"
            char[3] version                 # "87a" or "89a"
            u16le   width                   # logical screen width
            u16le   height                  # logical screen height
            u8      packed_fields           # global color table flag, color resolution, sort flag, table size
            u8      background_color_index
            u8      pixel_aspect_ratio

            """#
        ),
        (
            "bmp",
            #"""
            # A BMP file: BITMAPFILEHEADER then BITMAPINFOHEADER (Windows GDI), at offset 0.
            char[2] bfType            # "BM"
            u32le   bfSize            # the file's size
            u16le   bfReserved1
            u16le   bfReserved2
            u32le   bfOffBits         # where the pixels start
            u32le   biSize            # 40 for BITMAPINFOHEADER
            i32le   biWidth
            i32le   biHeight          # negative: rows run top-down
            u16le   biPlanes          # 1
            u16le   biBitCount
            u32le   biCompression     # 0 BI_RGB
            u32le   biSizeImage
            i32le   biXPelsPerMeter
            i32le   biYPelsPerMeter
            u32le   biClrUsed
            u32le   biClrImportant

            """#
        ),
        (
            "wav",
            #"""
            # A canonical WAVE file: the RIFF header, the "fmt " chunk, then the "data" chunk's header,
            # at offset 0 (names from the canonical WAVE PCM layout; Subchunk2 follows directly only
            # when Subchunk1Size is 16, as in PCM files).
            char[4] ChunkID         # "RIFF"
            u32le   ChunkSize       # the file's size less 8
            char[4] Format          # "WAVE"
            char[4] Subchunk1ID     # "fmt "
            u32le   Subchunk1Size   # 16 for PCM
            u16le   AudioFormat     # 1 PCM
            u16le   NumChannels
            u32le   SampleRate
            u32le   ByteRate        # SampleRate * NumChannels * BitsPerSample / 8
            u16le   BlockAlign      # NumChannels * BitsPerSample / 8
            u16le   BitsPerSample
            char[4] Subchunk2ID     # "data"
            u32le   Subchunk2Size

            """#
        ),
        (
            "png_ihdr",
            #"""
            # A PNG file's signature and its first chunk, IHDR (PNG specification, 5.2 and 11.2.2), at offset 0.
            u8[8]   signature            # 89 50 4e 47 0d 0a 1a 0a
            u32be   length               # 13
            char[4] chunk_type           # "IHDR"
            u32be   width
            u32be   height
            u8      bit_depth
            u8      colour_type          # 0 grey, 2 truecolour, 3 indexed, 4 grey + alpha, 6 truecolour + alpha
            u8      compression_method
            u8      filter_method
            u8      interlace_method
            u32be   crc                  # CRC-32 of chunk_type and the chunk's data

            """#
        ),
    ]
}
