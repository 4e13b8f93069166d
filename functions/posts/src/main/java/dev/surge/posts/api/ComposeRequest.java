package dev.surge.posts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new post. Text is at most 2,000 characters (code points, checked by the service; the 8,000 here
 * bounds the UTF-16 length first), media are https URLs, mentions are user ids.
 */
public record ComposeRequest(
    @NotBlank @Size(max = 8000) String text,
    @Size(max = 4)
        List<@NotBlank @Size(max = 2048) @Pattern(regexp = "https://\\S+") String> mediaUrls,
    @Size(max = 10) List<@NotBlank @Pattern(regexp = "[0-9]{1,19}") String> mentions) {}
