package com.acme.shop.service;

import com.acme.shop.domain.DuplicateProductException;
import com.acme.shop.domain.InvalidSkuException;
import com.acme.shop.domain.Product;
import com.acme.shop.domain.UnknownProductException;
import com.acme.shop.text.Slugs;
import com.acme.shop.validation.SkuValidator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** The catalogue, kept in memory and filled with the shop's starting range. */
@Service
public class CatalogService {

    private final Map<String, Product> bySku = new ConcurrentHashMap<>();

    public CatalogService() {
        add("MUG-0042", "Crème Brûlée Mug", new BigDecimal("12.35"));
        add("TEE-1001", "Hello, World! T-Shirt", new BigDecimal("19.99"));
        add("CAP-0007", "  Über   Cap  ", new BigDecimal("9.50"));
    }

    /**
     * Adds a product; its web address is made from its name.
     *
     * @throws InvalidSkuException when the SKU is not of the form {@code ABC-1234}
     * @throws DuplicateProductException when the SKU or the web address is taken
     */
    public synchronized Product add(String sku, String name, BigDecimal unitPrice) {
        if (!SkuValidator.isValid(sku)) {
            throw new InvalidSkuException(sku);
        }
        if (unitPrice == null || unitPrice.signum() <= 0) {
            throw new IllegalArgumentException("a price must be positive");
        }
        String slug = Slugs.slug(name);
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("a name needs at least one letter or digit");
        }
        if (bySku.containsKey(sku) || findBySlug(slug).isPresent()) {
            throw new DuplicateProductException(bySku.containsKey(sku) ? sku : slug);
        }
        Product product = new Product(sku, name.strip(), slug, unitPrice);
        bySku.put(sku, product);
        return product;
    }

    public Product get(String sku) {
        if (!SkuValidator.isValid(sku)) {
            throw new InvalidSkuException(sku);
        }
        Product product = bySku.get(sku);
        if (product == null) {
            throw new UnknownProductException(sku);
        }
        return product;
    }

    public Optional<Product> findBySlug(String slug) {
        return bySku.values().stream().filter(product -> product.slug().equals(slug)).findFirst();
    }

    public List<Product> all() {
        List<Product> products = new ArrayList<>(bySku.values());
        products.sort(Comparator.comparing(Product::slug));
        return products;
    }
}
