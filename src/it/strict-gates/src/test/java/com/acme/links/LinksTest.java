package com.acme.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinksTest {

	@Test
	void aTopicsPageLiesBelowTheDocs() {
		assertEquals(Links.DOCS + "/setup", Links.page(new Topic("setup").name()));
	}

}
