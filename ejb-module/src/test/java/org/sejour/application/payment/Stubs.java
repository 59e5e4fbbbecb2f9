package org.sejour.application.payment;

import java.lang.reflect.Proxy;

/** Stand-ins for the ports a service uses, answering only the calls a test expects. */
final class Stubs {

    private Stubs() {
    }

    @FunctionalInterface
    interface Answer {
        Object answer(String method, Object[] args);
    }

    static <T> T stub(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }

    /** Keys that open to a test key, without a database or a sealing key. */
    static StripeKeys keys() {
        return new StripeKeys() {
            @Override
            public String secretKey(long accountId) {
                return "sk_test_1";
            }
        };
    }
}
