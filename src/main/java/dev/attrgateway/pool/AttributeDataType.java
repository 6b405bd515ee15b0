package dev.attrgateway.pool;

import org.eclipse.microprofile.graphql.Description;

/** The data type of a user pool attribute, as the pool's schema declares it. */
@Description("The data type of a user pool attribute.")
public enum AttributeDataType {
    STRING,
    NUMBER,
    DATETIME,
    BOOLEAN
}
