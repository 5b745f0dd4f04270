package org.arxivdigest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TeX accents as Unicode letters, on names and text as the dump's records write them. */
class TexAccentsTest {

  @Test
  void namesOfTheSampleRecordsReadAsTheirLetters() {
    // authors strings of data/sample/kaggle and of ../shared/data/recent, as written there
    assertThat(TexAccents.toUnicode("Jan-Michael Reiner, Jochen Braum\\\"uller, Gerd Sch\\\"on"))
        .isEqualTo("Jan-Michael Reiner, Jochen Braumüller, Gerd Schön");
    assertThat(TexAccents.toUnicode("Kri\\v{s}j\\=anis Pr\\=usis, Jevg\\=enijs Vihrovs"))
        .isEqualTo("Krišjānis Prūsis, Jevgēnijs Vihrovs");
    assertThat(TexAccents.toUnicode("L. Reb\\'on, Fran\\c{c}ois Charpillet, Mich\\`ele Sebag"))
        .isEqualTo("L. Rebón, François Charpillet, Michèle Sebag");
    assertThat(TexAccents.toUnicode("Bel\\'en Ag\\\"uera Marco")).isEqualTo("Belén Agüera Marco");
  }

  @Test
  void bracesSpacesAndSpecialLetters() {
    assertThat(TexAccents.toUnicode("M{\\\"u}ller and M\\\"{u}ller and M\\\" uller")).isEqualTo(
        "Müller and Müller and Müller");
    assertThat(TexAccents.toUnicode("J\\o rgensen, {\\O}stergaard, Gau\\ss{}, Ba{\\i}ram, \\L{}ukasz"))
        .isEqualTo("Jørgensen, Østergaard, Gauß, Baıram, Łukasz");
    assertThat(TexAccents.toUnicode("Mart\\'{\\i}nez, 3 \\AA")).isEqualTo("Martínez, 3 Å");
    assertThat(TexAccents.toUnicode("the Vietnamese board game \\^O \\u{A}n Quan")).isEqualTo(
        "the Vietnamese board game Ô Ăn Quan");
  }

  @Test
  void escapedApostrophesMathAndOtherBackslashesStay() {
    for (String kept : new String[] {"the MLLM\\'s language", "GPT-4o\\'s content", "In today\\'s digital",
        "don\\'t", "$\\hat{x}$ and $\\sim$5 h", "\\v s", "C:\\Users\\me", "\\\"q", "\\textbf{Delta}",
        "\\omega \\otimes \\infty \\left( \\int"}) {
      assertThat(TexAccents.toUnicode(kept)).as(kept).isEqualTo(kept);
    }
    // TeX's own acute at a word's end, and a possessive after a name in TeX
    assertThat(TexAccents.toUnicode("Poincar\\'e embeddings, caf\\'e")).isEqualTo("Poincaré embeddings, café");
    assertThat(TexAccents.toUnicode("Fr\\'echet Inception Distance, na\\\"ive, M\\\"obius-Transformed"))
        .isEqualTo("Fréchet Inception Distance, naïve, Möbius-Transformed");
    // a doubled backslash is a line break, not the start of an accent
    assertThat(TexAccents.toUnicode("one\\\\'e")).isEqualTo("one\\\\'e");
    assertThat(TexAccents.toUnicode((String) null)).isNull();
  }
}
