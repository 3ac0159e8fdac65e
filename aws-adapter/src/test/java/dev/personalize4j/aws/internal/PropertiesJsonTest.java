package dev.personalize4j.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personalize4j.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertiesJsonTest {
  @Test
  void properties_camelCaseKeys_numbersAsNumbers_multiValuesJoined() throws Exception {
    Map<String, AttributeValue> fields = new LinkedHashMap<>();
    fields.put("CATEGORY_L1", AttributeValue.categorical("shoes", "men"));
    fields.put("PRICE", AttributeValue.numeric(9.99));
    fields.put("STOCK", AttributeValue.numeric(3));
    fields.put("PRODUCT_DESCRIPTION", AttributeValue.textual("say \"hi\"\\ \n\t\u0001 \u2028 é"));
    String json = AttributeValue.propertiesJson(fields);
    assertThat(json).startsWith("{\"categoryL1\":\"shoes|men\",\"price\":9.99,\"stock\":3,");
    JsonNode parsed = new ObjectMapper().readTree(json);
    assertThat(parsed.get("price").isNumber()).isTrue();
    assertThat(parsed.get("productDescription").asText()).isEqualTo("say \"hi\"\\ \n\t\u0001 \u2028 é");
  }
}
