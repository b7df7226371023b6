package com.scantill.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The till's own font writes every character of both bundles, in each face, without falling back to another font. */
class TypeFaceTest {

    @Test
    void scanTillSansHasEveryCharacterTheTillWritesInThaiAndEnglish() {
        StringBuilder everything = new StringBuilder("฿0123456789,.:;()…—·");
        for (Language language : Language.values()) {
            ResourceBundle bundle = Words.bundle(language);
            bundle.keySet().forEach(key -> everything.append(bundle.getString(key)));
        }
        String text = everything.toString().replace("⌫", "");
        for (TypeFace face : TypeFace.values()) {
            Font font = face.awt();
            assertThat(font.getFamily()).isEqualTo(TypeFace.FAMILY);
            int missing = font.canDisplayUpTo(text);
            assertThat(missing).as(face + " lacks " + (missing < 0 ? "" : text.substring(missing, missing + 1))).isEqualTo(-1);
        }
    }
}
