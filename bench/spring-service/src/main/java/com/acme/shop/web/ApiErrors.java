package com.acme.shop.web;

import com.acme.shop.domain.DuplicateProductException;
import com.acme.shop.domain.InvalidSkuException;
import com.acme.shop.domain.UnknownProductException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the domain's refusals into problem details. */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(UnknownProductException.class)
    ProblemDetail unknown(UnknownProductException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown product", e.getMessage());
    }

    @ExceptionHandler(InvalidSkuException.class)
    ProblemDetail invalidSku(InvalidSkuException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid SKU", e.getMessage());
    }

    @ExceptionHandler(DuplicateProductException.class)
    ProblemDetail duplicate(DuplicateProductException e) {
        return problem(HttpStatus.CONFLICT, "Duplicate product", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
