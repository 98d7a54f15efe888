/*
 * Marks one required symbol version (e.g. GLIBCXX_3.4.32) of an ELF64 file as weak (VER_FLG_WEAK), so the dynamic
 * loader accepts a libstdc++ that lacks that version once the symbols that needed it are provided elsewhere.
 * Usage: weaken_version_need FILE VERSION. Exit 0 when the entry is weak afterwards (patched now or before).
 */
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s FILE VERSION\n", argv[0]); return 2; }
    int fd = open(argv[1], O_RDWR);
    if (fd < 0) { perror(argv[1]); return 1; }
    struct stat st;
    if (fstat(fd, &st) != 0) { perror("fstat"); return 1; }
    unsigned char *base = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (base == MAP_FAILED) { perror("mmap"); return 1; }
    Elf64_Ehdr *ehdr = (Elf64_Ehdr *)base;
    if (memcmp(ehdr->e_ident, ELFMAG, SELFMAG) != 0 || ehdr->e_ident[EI_CLASS] != ELFCLASS64) {
        fprintf(stderr, "%s: not an ELF64 file\n", argv[1]); return 1;
    }
    Elf64_Shdr *sections = (Elf64_Shdr *)(base + ehdr->e_shoff);
    int found = 0;
    for (int i = 0; i < ehdr->e_shnum; i++) {
        if (sections[i].sh_type != SHT_GNU_verneed) continue;
        const char *strings = (const char *)(base + sections[sections[i].sh_link].sh_offset);
        unsigned char *need = base + sections[i].sh_offset;
        for (;;) {
            Elf64_Verneed *verneed = (Elf64_Verneed *)need;
            unsigned char *aux = need + verneed->vn_aux;
            for (int a = 0; a < verneed->vn_cnt; a++) {
                Elf64_Vernaux *vernaux = (Elf64_Vernaux *)aux;
                if (strcmp(strings + vernaux->vna_name, argv[2]) == 0) {
                    vernaux->vna_flags |= VER_FLG_WEAK;
                    found = 1;
                }
                aux += vernaux->vna_next;
            }
            if (verneed->vn_next == 0) break;
            need += verneed->vn_next;
        }
    }
    msync(base, st.st_size, MS_SYNC);
    munmap(base, st.st_size);
    close(fd);
    if (!found) { fprintf(stderr, "%s: no need entry for %s\n", argv[1], argv[2]); return 1; }
    return 0;
}
