package com.acme.shop.web;

import com.acme.shop.domain.Product;
import com.acme.shop.domain.UnknownProductException;
import com.acme.shop.service.CatalogService;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue over HTTP. */
@RestController
@RequestMapping("/products")
public class ProductController {

    private final CatalogService catalog;

    public ProductController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    public List<Product> all() {
        return catalog.all();
    }

    @GetMapping("/{sku}")
    public Product get(@PathVariable String sku) {
        return catalog.get(sku);
    }

    @GetMapping("/by-slug/{slug}")
    public Product bySlug(@PathVariable String slug) {
        return catalog.findBySlug(slug).orElseThrow(() -> new UnknownProductException(slug));
    }

    @PostMapping
    public ResponseEntity<Product> add(@RequestBody ProductRequest request) {
        Product product = catalog.add(request.sku(), request.name(), request.unitPrice());
        return ResponseEntity.created(URI.create("/products/" + product.sku())).body(product);
    }
}
