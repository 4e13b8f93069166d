package dev.surge.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * JSON is read exactly as written, for every function: a number or boolean is not a string, a
 * fraction is not a whole number, nothing may follow the document, and every string is checked by
 * {@link Texts} where it enters (no NUL, no control character other than line breaks and tabs, no
 * unpaired surrogate), so no field can forget it. Each refusal is a {@link JsonMappingException}
 * naming the field: 400 problem+json through {@link ProblemMappers}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    // A fraction is not a whole number: 1.5 or 1e3 into an int or long field is refused, not
    // truncated (Jackson accepts it by default, outside the scalar coercion switch above).
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    // Belt and braces for types Strings below does not read (a number into a boolean field).
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper.registerModule(
        new SimpleModule("surge-strict-text").addDeserializer(String.class, new Strings()));
  }

  /** A bad string: the field is named by Jackson's path, the value never echoed. */
  public static final class BadText extends JsonMappingException {
    BadText(JsonParser parser, String reason) {
      super(parser, reason);
    }
  }

  /** Strings only from JSON strings, and only clean text. */
  static final class Strings extends StdScalarDeserializer<String> {
    Strings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (String) context.handleUnexpectedToken(String.class, parser);
      }
      String text = parser.getText();
      String reason = Texts.problem(text, true);
      if (reason != null) {
        throw new BadText(parser, reason);
      }
      return text;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }
  }
}
