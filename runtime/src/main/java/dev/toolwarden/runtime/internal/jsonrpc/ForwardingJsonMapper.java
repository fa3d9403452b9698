package dev.toolwarden.runtime.internal.jsonrpc;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;

/**
 * An SDK JSON mapper that hands every call to another one: the base of the mappers that change one or two of its
 * answers ({@link RequestRecordsMapper}, the HTTP transport's judged-body mapper) and leave the rest as they are.
 */
public abstract class ForwardingJsonMapper implements McpJsonMapper {

  /** The mapper every call not overridden goes to. */
  protected final McpJsonMapper mapper;

  protected ForwardingJsonMapper(McpJsonMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public <T> T convertValue(Object fromValue, Class<T> type) {
    return mapper.convertValue(fromValue, type);
  }

  @Override
  public <T> T convertValue(Object fromValue, TypeRef<T> type) {
    return mapper.convertValue(fromValue, type);
  }

  @Override
  public <T> T readValue(String content, Class<T> type) throws IOException {
    return mapper.readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, Class<T> type) throws IOException {
    return mapper.readValue(content, type);
  }

  @Override
  public <T> T readValue(String content, TypeRef<T> type) throws IOException {
    return mapper.readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
    return mapper.readValue(content, type);
  }

  @Override
  public String writeValueAsString(Object value) throws IOException {
    return mapper.writeValueAsString(value);
  }

  @Override
  public byte[] writeValueAsBytes(Object value) throws IOException {
    return mapper.writeValueAsBytes(value);
  }
}
