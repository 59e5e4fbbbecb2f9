package org.sejour.application.access;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import org.sejour.domain.model.account.Permission;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a signed-in user needs to call this service method (or every method of the class).
 * Checked by {@link PermissionCheck} before the method runs, so a refused call changes nothing.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Requires {

    @Nonbinding
    Permission value();
}
