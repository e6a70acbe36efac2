package io.crawlseq.functions.control;

import io.crawlseq.functions.support.AwsClients;
import io.crawlseq.functions.support.FunctionEnvironment;
import io.crawlseq.store.Storage;
import io.crawlseq.store.dynamodb.AwsStorage;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * What the run starter and the run recorder build once per execution environment: the stores of
 * {@link AwsStorage} (tables from the environment), an S3 client for the sequences bucket and a
 * Step Functions client; the recorder also reads {@value ProjectNames#ENVIRONMENT_VARIABLE}.
 */
final class RunSetup {

    private RunSetup() {
    }

    static Starter starter(FunctionEnvironment environment) {
        AwsClients clients = new AwsClients(environment);
        S3Client s3 = clients.configure(S3Client.builder().forcePathStyle(clients.s3PathStyle()));
        Storage storage = storage(environment, clients, s3);
        return new Starter(storage.registry(), storage.runs(), new SequenceObjects(s3),
                clients.configure(SfnClient.builder()), Clock.systemUTC());
    }

    static Recorder recorder(FunctionEnvironment environment) {
        AwsClients clients = new AwsClients(environment);
        S3Client s3 = clients.configure(S3Client.builder().forcePathStyle(clients.s3PathStyle()));
        return new Recorder(storage(environment, clients, s3).runs(),
                new ProjectNames(environment.require(ProjectNames.ENVIRONMENT_VARIABLE)));
    }

    private static Storage storage(FunctionEnvironment environment, AwsClients clients, S3Client s3) {
        return AwsStorage.fromEnvironment(environment.asMap(), clients.configure(DynamoDbClient.builder()), s3);
    }
}
