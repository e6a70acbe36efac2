package io.crawlseq.localstack;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Removes the {@code Expect: 100-continue} header the S3 client adds to uploads. Against s3proxy, the
 * URLConnection HTTP client's handshake on a reused connection sometimes ends in "Unexpected end of file
 * from server" (2 of 40 uploads in a loop; none of 100 without the header), which the SDK does not retry.
 * Local clients only: uploads to AWS keep the SDK's default.
 */
final class DropExpectContinue implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest().toBuilder().removeHeader("Expect").build();
    }
}
