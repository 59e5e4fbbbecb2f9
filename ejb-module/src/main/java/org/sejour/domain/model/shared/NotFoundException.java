package org.sejour.domain.model.shared;

/**
 * Raised for a missing object and equally for another owner's object: an owner must not
 * be able to tell the two apart.
 */
public class NotFoundException extends SejourException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super("error.notFound", what, id);
    }
}
