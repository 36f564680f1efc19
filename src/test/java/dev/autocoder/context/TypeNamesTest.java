package dev.autocoder.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TypeNamesTest {

    @Test
    void capitalisedWordsInsideSentencesAndCamelCaseNamesAreTypeNames() {
        Set<String> names = TypeNames.simpleNames("Write a Money class; it uses StringUtils and the HTTP API.");

        assertEquals(Set.of("Money", "StringUtils"), names);
    }

    @Test
    void aCapitalisedWordStartingASentenceOrLineIsJustEnglish() {
        Set<String> names = TypeNames.simpleNames("Given an amount. Return it!\nThen stop.");

        assertEquals(Set.of(), names);
    }

    @Test
    void aCamelCaseNameCountsEvenAtTheStartOfASentence() {
        Set<String> names = TypeNames.simpleNames("MoneyAllocator splits amounts.");

        assertEquals(Set.of("MoneyAllocator"), names);
    }

    @Test
    void javaLangTypesSayNothingAboutTheTask() {
        Set<String> names = TypeNames.simpleNames("Parse a String into an Integer or throw IllegalStateException.");

        assertEquals(Set.of(), names);
    }

    @Test
    void qualifiedNamesAreFoundWholeAndSimpleNamesInsideThemAreNot() {
        String text = "Use org.apache.commons.lang3.StringUtils for the text.";

        assertEquals(Set.of("org.apache.commons.lang3.StringUtils"), TypeNames.qualifiedNames(text));
        assertEquals(Set.of(), TypeNames.simpleNames(text));
    }
}
